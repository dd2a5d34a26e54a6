/// The exchange as a deterministic state machine: `apply` a command stamped with the sequencer's
/// time, get the events it caused. No clock, randomness, I/O or global state; a business failure
/// is a `.rejected` event, never a throw or a trap.
///
/// Generic over the order book so the same rules run on `FastBook` (production) and on
/// `ReferenceBook` (tests); `Exchange` is the production instance.
public struct Engine<Book: OrderBook> {
    public internal(set) var assets: [AssetSpec] = []
    var markets = MarketTable<Book>()
    public internal(set) var ledger = Ledger()
    var counters = Counters()
    var withdrawals: [WithdrawalId: PendingWithdrawal] = [:]
    var custody = CustodyRecords()
    /// The newest proof-of-liabilities epoch the journal holds; nil before the first.
    public internal(set) var latestEpoch: EpochPublication?
    /// The newest head of the auditors' access log the journal holds; nil before the first.
    public internal(set) var accessLogHead: AccessLogHead?
    /// Accounts' jurisdictions and the rulings on assets (`JurisdictionControl`).
    var jurisdictions = JurisdictionRecords()
    /// Open orders by (account, client order id), for cancels by client id and duplicate checks.
    var clientOrderIds: [ClientOrderKey: OrderId] = [:]
    /// Open orders (stops included) per (account, market), for `MAX_NUM_ORDERS`.
    var openOrderCounts = OpenOrderCounts()

    // Scratch of the command being applied. Not state: never encoded, hashed or compared.
    var now: Timestamp = 0
    var output: [Event] = []
    var touched = TouchedBalances()

    public init() {
        let fees = ledger.openAccount(Account(fees: FeeSchedule(makerBasisPoints: 0, takerBasisPoints: 0),
                                              canTrade: false))
        assert(fees == .feeAccount, "the fee account must be account 0")
    }

    /// Applies one command, appending what it caused to `events`.
    public mutating func apply(_ command: Command, at time: Timestamp, into events: inout [Event]) {
        now = time
        swap(&output, &events)
        defer { swap(&output, &events) }
        switch command {
        case .listAsset(let spec): listAsset(spec)
        case .listMarket(let spec): listMarket(spec)
        case .setMarketStatus(let market, let status): setMarketStatus(market, status)
        case .openAccount(let fees): openAccount(fees)
        case .setFees(let account, let fees): setFees(account, fees)
        case .setTradingEnabled(let account, let enabled): setTradingEnabled(account, enabled)
        case .deposit(let account, let asset, let amount): deposit(account, asset, amount)
        case .requestWithdrawal(let account, let asset, let amount): requestWithdrawal(account, asset, amount)
        case .confirmWithdrawal(let id): confirmWithdrawal(id)
        case .releaseWithdrawal(let id): releaseWithdrawal(id)
        case .placeOrder(let request): placeOrder(request, stage: .command)
        case .cancelOrder(let request): cancelOrder(request, stage: .command)
        case .cancelAllOrders(let account, let market): cancelAllOrders(account, market)
        case .cancelReplace(let request): cancelReplace(request)
        case .amendOrder(let request): amendOrder(request)
        case .depositSeen(let deposit): depositSeen(deposit)
        case .creditDeposit(let id): creditDeposit(id)
        case .dropDeposit(let id): dropDeposit(id)
        case .setChainCursor(let asset, let cursor): setChainCursor(asset, cursor)
        case .requestChainWithdrawal(let request): requestWithdrawal(request)
        case .approveWithdrawal(let id, let action): approveWithdrawal(id, action)
        case .rejectWithdrawal(let id, let action): rejectWithdrawal(id, action)
        case .broadcastWithdrawal(let id, let txid): broadcastWithdrawal(id, txid)
        case .freezeAccount(let account, let action): freezeAccount(account, action)
        case .unfreezeAccount(let account, let action): unfreezeAccount(account, action)
        case .setWithdrawalLimits(let asset, let limits, let action): setWithdrawalLimits(asset, limits, action)
        case .addWithdrawalAddress(let account, let address, let delays): addWithdrawalAddress(account, address, delays)
        case .securityChanged(let account, let lock): securityChanged(account, lock: lock)
        case .setAllowListOnly(let account, let on, let action): setAllowListOnly(account, on, action)
        case .setAccountJurisdiction(let account, let place, let action): setAccountJurisdiction(account, place, action)
        case .setAssetRuling(let ruling): setAssetRuling(ruling)
        case .enforceRulings: enforceRulings()
        case .publishEpoch(let publication): publishEpoch(publication)
        case .recordAccessLogHead(let head): recordAccessLogHead(head)
        }
        emitTouchedBalances()
    }

    /// Applies one command and returns its events.
    public mutating func apply(_ command: Command, at time: Timestamp) -> [Event] {
        var events: [Event] = []
        apply(command, at: time, into: &events)
        return events
    }
}

// MARK: Queries

extension Engine {
    public var marketCount: Int { markets.count }

    public func market(_ id: MarketId) -> MarketSpec? {
        Int(id) < markets.count ? markets[Int(id)].spec : nil
    }

    public func balance(of account: AccountId, _ asset: AssetId) -> Balance {
        ledger.balance(account, asset)
    }

    /// Resting orders of one side in priority order.
    public func openOrders(_ market: MarketId, _ side: Side) -> [Order] {
        Int(market) < markets.count ? markets[Int(market)].book.orders(side) : []
    }

    /// Conditional orders waiting for their trigger, oldest first.
    public func waitingOrders(_ market: MarketId) -> [Order] {
        Int(market) < markets.count ? markets[Int(market)].stops.all : []
    }

    /// An open order (resting or waiting) of `market`.
    public func openOrder(_ market: MarketId, _ id: OrderId) -> Order? {
        Int(market) < markets.count ? markets[Int(market)].openOrder(id) : nil
    }

    public func bestPrice(_ market: MarketId, _ side: Side) -> Price? {
        Int(market) < markets.count ? markets[Int(market)].book.bestPrice(side) : nil
    }

    public func lastPrice(_ market: MarketId) -> Price? {
        guard Int(market) < markets.count, markets[Int(market)].lastPrice > 0 else { return nil }
        return markets[Int(market)].lastPrice
    }

    public func pendingWithdrawal(_ id: WithdrawalId) -> PendingWithdrawal? { withdrawals[id] }

    /// Every withdrawal still held, by id.
    public var pendingWithdrawals: [WithdrawalId: PendingWithdrawal] { withdrawals }

    public func chainDeposit(_ id: DepositId) -> DepositRecord? { custody.deposits[id] }

    /// Every chain deposit the exchange has seen, by id.
    public var chainDeposits: [DepositId: DepositRecord] { custody.deposits }

    /// The deposit known by `outpoint`, if the chain showed it before.
    public func chainDepositId(_ outpoint: ChainOutpoint) -> DepositId? { custody.depositsByOutpoint[outpoint] }

    public func chainCursor(_ asset: AssetId) -> ChainCursor? { custody.chainCursors[asset] }

    public func withdrawalLimits(_ asset: AssetId) -> WithdrawalLimits { custody.withdrawalLimits[asset] ?? .none }

    /// The account's address book, allow-list-only setting and withdrawal lock.
    public func withdrawalProtection(_ account: AccountId) -> WithdrawalProtection {
        custody.protections[account] ?? WithdrawalProtection()
    }

    /// The account's jurisdiction; nil when it has none (no ruling governs it).
    public func jurisdiction(of account: AccountId) -> Jurisdiction? { jurisdictions.accounts[account] }

    /// Every ruling recorded, oldest first, enforced or waiting.
    public var rulingHistory: [RulingRecord] { jurisdictions.rulings }

    /// The rulings that govern now, one per asset and place, by asset then place.
    public var rulingsInForce: [RulingRecord] {
        jurisdictions.inForce.sorted { ($0.key.asset, $0.key.jurisdiction) < ($1.key.asset, $1.key.jurisdiction) }
            .map { jurisdictions.rulings[$0.value] }
    }

    /// What the rulings in force let `account` do with `asset`.
    public func standing(of account: AccountId, _ asset: AssetId) -> AssetStanding {
        guard let place = jurisdictions.accounts[account] else { return .allowed }
        return jurisdictions.standing(of: asset, in: place)
    }

    /// Why `account` may not place an order of `side` on `market` under the rulings in force, or nil.
    public func jurisdictionProblem(_ account: AccountId, _ side: Side, _ market: MarketId) -> RejectReason? {
        Int(market) < markets.count ? jurisdictionProblem(account, side, Int(market)) : nil
    }
}

// MARK: Bookkeeping types

/// Ids the engine hands out, each increasing from 1.
struct Counters: Hashable, Sendable {
    var nextOrderId: OrderId = 1
    var nextWithdrawalId: WithdrawalId = 1
    var nextPreventedMatchId: Int64 = 1
}

/// A withdrawal whose amount is held (locked) until it is confirmed or released. An operator's
/// hold has no destination and no fee and starts approved.
public struct PendingWithdrawal: Hashable, Sendable {
    public var account: AccountId
    public var asset: AssetId
    public var amount: Amount
    /// The part of `amount` the fee account keeps when the withdrawal is confirmed.
    public var fee: Amount = 0
    /// The chain address it pays; empty for an operator's hold.
    public var destination: String = ""
    public var state: WithdrawalState = .approved
    /// The chain transaction once broadcast.
    public var txid: String = ""

    public init(account: AccountId, asset: AssetId, amount: Amount, fee: Amount = 0, destination: String = "",
                state: WithdrawalState = .approved, txid: String = "") {
        self.account = account
        self.asset = asset
        self.amount = amount
        self.fee = fee
        self.destination = destination
        self.state = state
        self.txid = txid
    }
}

struct ClientOrderKey: Hashable {
    var account: AccountId
    var clientOrderId: ClientOrderId
}

struct BalanceKey: Equatable {
    var account: AccountId
    var asset: AssetId
}
