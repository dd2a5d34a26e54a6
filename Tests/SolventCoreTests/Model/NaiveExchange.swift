@testable import SolventCore

/// A second exchange, written from the API spec and the README's money rules rather than from
/// `Engine`, to check the engine against: plain arrays, linear scans, nothing clever. It shares only
/// the value types of commands, events, markets and amounts with the engine; every rule (filters,
/// reservations, matching, self-trade prevention, stops, fees, amends) is written again here.
///
/// Speed does not matter; being obviously right does. Open orders (resting and waiting) sit in one
/// array; a book side is "the open orders of that market and side, best price first, then arrival".
struct NaiveExchange {
    struct Market {
        var spec: MarketSpec
        /// 10^scale of the base asset: a price is quote units per this many base units.
        var baseUnit: Int64
        var lastPrice: Price = 0
        var nextTradeId: TradeId = 1
        /// Trades still inside the average-price window: (minute, quote, quantity).
        var recentTrades: [(minute: Int64, quote: Int64, quantity: Int64)] = []
    }

    /// An open order and its place in the time queue of its price (a fresh iceberg tranche goes last).
    struct OpenOrder {
        var order: Order
        var arrival: Int64
    }

    struct Withdrawal {
        var id: WithdrawalId
        var pending: PendingWithdrawal
    }

    var assets: [AssetSpec] = []
    var markets: [Market] = []
    /// Account 0 collects fees and never trades.
    var accounts: [Account] = [Account(fees: FeeSchedule(makerBasisPoints: 0, takerBasisPoints: 0), canTrade: false)]
    /// balances[account][asset]
    var balances: [[Balance]] = [[]]
    var deposited: [Amount] = []
    var open: [OpenOrder] = []
    var withdrawals: [Withdrawal] = []
    var chainDeposits: [NaiveChainDeposit] = []
    var withdrawalLimits: [AssetId: (perAccount: Amount, perAsset: Amount)] = [:]
    var latestEpoch: EpochPublication?
    var accessLogHead: AccessLogHead?
    var protections: [AccountId: NaiveProtection] = [:]
    /// Accounts' jurisdiction codes, and every ruling recorded (`NaiveJurisdiction.swift`).
    var places: [AccountId: String] = [:]
    var rulings: [NaiveRuling] = []
    var recentWithdrawals: [(time: Timestamp, account: AccountId, asset: AssetId, amount: Amount)] = []
    var nextOrderId: OrderId = 1
    var nextWithdrawalId: WithdrawalId = 1
    var nextPreventionId: Int64 = 1
    var nextArrival: Int64 = 0

    // The command being applied.
    var now: Timestamp = 0
    var events: [Event] = []
    var touched: [(account: AccountId, asset: AssetId)] = []

    mutating func apply(_ command: Command, at time: Timestamp) -> [Event] {
        now = time
        events = []
        touched = []
        switch command {
        case .listAsset(let spec): listAsset(spec)
        case .listMarket(let spec): listMarket(spec)
        case .setMarketStatus(let market, let status):
            guard Int(market) < markets.count else { reject(.unknownSymbol); break }
            markets[Int(market)].spec.status = status
            events.append(.marketStatusChanged(market, status))
        case .openAccount(let fees): openAccount(fees ?? .standard)
        case .setFees(let account, let fees): setFees(account, fees ?? .standard)
        case .setTradingEnabled(let account, let enabled): setTradingEnabled(account, enabled)
        case .deposit(let account, let asset, let amount): deposit(account, asset, amount)
        case .requestWithdrawal(let account, let asset, let amount): requestWithdrawal(account, asset, amount)
        case .confirmWithdrawal(let id): finishWithdrawal(id, confirmed: true)
        case .releaseWithdrawal(let id): finishWithdrawal(id, confirmed: false)
        case .placeOrder(let request): _ = place(request, stage: .command)
        case .cancelOrder(let request): _ = cancel(request, stage: .command)
        case .cancelAllOrders(let account, let market): cancelAll(account, market)
        case .cancelReplace(let request): cancelReplace(request)
        case .amendOrder(let request): amend(request)
        case .depositSeen, .creditDeposit, .dropDeposit, .setChainCursor, .requestChainWithdrawal,
             .approveWithdrawal, .rejectWithdrawal, .broadcastWithdrawal, .freezeAccount, .unfreezeAccount,
             .setWithdrawalLimits, .addWithdrawalAddress, .securityChanged, .setAllowListOnly:
            applyCustody(command)
        case .setAccountJurisdiction, .setAssetRuling, .enforceRulings: applyJurisdiction(command)
        case .publishEpoch(let publication): publishEpoch(publication)
        case .recordAccessLogHead(let head): recordAccessLogHead(head)
        }
        for (account, asset) in touched {
            accounts[Int(account)].balancesUpdatedAt = now
            let balance = balances[Int(account)][Int(asset)]
            events.append(.balance(BalanceChange(account: account, asset: asset, free: balance.free,
                                                 locked: balance.locked, time: now)))
        }
        return events
    }

    func balance(_ account: AccountId, _ asset: AssetId) -> Balance {
        guard Int(account) < balances.count, Int(asset) < assets.count else { return .zero }
        return balances[Int(account)][Int(asset)]
    }

    // MARK: Reporting

    mutating func reject(_ reason: RejectReason, stage: Rejection.Stage = .command) {
        events.append(.rejected(Rejection(reason, stage: stage)))
    }

    mutating func report(_ execution: ExecutionType, _ order: Order, _ detail: OrderEvent.Detail = .none) {
        events.append(.order(OrderEvent(execution: execution, order: order, detail: detail, time: now)))
    }

    mutating func touch(_ account: AccountId, _ asset: AssetId) {
        if !touched.contains(where: { $0.account == account && $0.asset == asset }) { touched.append((account, asset)) }
    }

    // MARK: Listing and accounts

    private mutating func listAsset(_ spec: AssetSpec) {
        let name = Array(spec.name.utf8)
        let isTicker = (1...20).contains(name.count)
            && name.allSatisfy { (65...90).contains($0) || (48...57).contains($0) }  // A-Z, 0-9
        guard isTicker, spec.scale <= 18 else { return reject(.invalidAssetSpec) }
        guard !assets.contains(where: { $0.name == spec.name }) else { return reject(.duplicateName) }
        assets.append(spec)
        deposited.append(0)
        for account in balances.indices { balances[account].append(.zero) }
        events.append(.assetListed(AssetId(assets.count - 1)))
    }

    private mutating func listMarket(_ spec: MarketSpec) {
        guard Int(spec.base) < assets.count, Int(spec.quote) < assets.count else { return reject(.unknownAsset) }
        // The spec's own validation (tick × step whole, bounds) belongs to the value type.
        guard spec.problem(baseScale: assets[Int(spec.base)].scale) == nil else { return reject(.invalidMarketSpec) }
        guard !markets.contains(where: { $0.spec.symbol == spec.symbol }) else { return reject(.duplicateName) }
        var unit: Int64 = 1
        for _ in 0..<assets[Int(spec.base)].scale { unit *= 10 }
        markets.append(Market(spec: spec, baseUnit: unit))
        events.append(.marketListed(MarketId(markets.count - 1)))
    }

    private static func validFees(_ fees: FeeSchedule) -> Bool {
        (0...10_000).contains(fees.makerBasisPoints) && (0...10_000).contains(fees.takerBasisPoints)
    }

    private mutating func openAccount(_ fees: FeeSchedule) {
        guard Self.validFees(fees) else { return reject(.invalidAmount) }
        accounts.append(Account(fees: fees, balancesUpdatedAt: now))
        balances.append(Array(repeating: .zero, count: assets.count))
        events.append(.accountOpened(AccountId(accounts.count - 1), fees))
    }

    /// Epoch numbers go up; the header is opaque here too.
    private mutating func publishEpoch(_ publication: EpochPublication) {
        guard !publication.signedHeader.isEmpty, publication.signedHeader.count <= 65_536 else {
            return reject(.invalidEpochHeader)
        }
        guard publication.epoch > (latestEpoch?.epoch ?? 0) else { return reject(.epochNotIncreasing) }
        latestEpoch = publication
    }

    /// Access-log heads go forward; index 0 is the empty log and never a head.
    private mutating func recordAccessLogHead(_ head: AccessLogHead) {
        guard head.index >= 1, head.index > accessLogHead?.index ?? 0 else { return reject(.accessLogHeadNotIncreasing) }
        accessLogHead = head
    }

    private mutating func setFees(_ account: AccountId, _ fees: FeeSchedule) {
        guard Int(account) < accounts.count, account != 0 else { return reject(.unknownAccount) }
        guard Self.validFees(fees) else { return reject(.invalidAmount) }
        accounts[Int(account)].fees = fees
        events.append(.feesChanged(account, fees))
    }

    private mutating func setTradingEnabled(_ account: AccountId, _ enabled: Bool) {
        guard Int(account) < accounts.count, account != 0 else { return reject(.unknownAccount) }
        accounts[Int(account)].canTrade = enabled
        events.append(.tradingEnabledChanged(account, enabled))
    }

    // MARK: Money in and out

    mutating func deposit(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        guard Int(account) < accounts.count else { return reject(.unknownAccount) }
        guard Int(asset) < assets.count else { return reject(.unknownAsset) }
        guard amount > 0 else { return reject(.invalidAmount) }
        let total = Int128(balances[Int(account)][Int(asset)].free) + Int128(balances[Int(account)][Int(asset)].locked)
        guard total + Int128(amount) <= Int128(Int64.max), Int128(deposited[Int(asset)]) + Int128(amount) <= Int128(Int64.max)
        else { return reject(.amountTooLarge) }
        balances[Int(account)][Int(asset)].free += amount
        deposited[Int(asset)] += amount
        events.append(.ledger(LedgerEntry(kind: .deposit, account: account, asset: asset, amount: amount,
                                          withdrawal: 0, time: now)))
        touch(account, asset)
    }

    private mutating func requestWithdrawal(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        guard Int(account) < accounts.count else { return reject(.unknownAccount) }
        guard Int(asset) < assets.count else { return reject(.unknownAsset) }
        guard !accounts[Int(account)].frozen else { return reject(.accountFrozen) }
        guard amount > 0 else { return reject(.invalidAmount) }
        guard balances[Int(account)][Int(asset)].free >= amount else { return reject(.insufficientBalance) }
        let id = nextWithdrawalId
        nextWithdrawalId += 1
        balances[Int(account)][Int(asset)].free -= amount
        balances[Int(account)][Int(asset)].locked += amount
        let pending = PendingWithdrawal(account: account, asset: asset, amount: amount)
        withdrawals.append(Withdrawal(id: id, pending: pending))
        events.append(.ledger(LedgerEntry(kind: .withdrawalRequested, account: account, asset: asset,
                                          amount: amount, withdrawal: id, time: now)))
        touch(account, asset)
    }

    private mutating func finishWithdrawal(_ id: WithdrawalId, confirmed: Bool) {
        guard let at = withdrawals.firstIndex(where: { $0.id == id }) else { return reject(.unknownWithdrawal) }
        if confirmed && withdrawals[at].pending.state == .awaitingApproval { return reject(.withdrawalNotApproved) }
        let pending = withdrawals.remove(at: at).pending
        let (account, asset) = (Int(pending.account), Int(pending.asset))
        balances[account][asset].locked -= pending.amount
        if !confirmed { balances[account][asset].free += pending.amount }
        if confirmed && pending.fee > 0 {
            balances[0][asset].free += pending.fee
            touch(0, pending.asset)
        }
        events.append(.ledger(LedgerEntry(kind: confirmed ? .withdrawalConfirmed : .withdrawalReleased,
                                          account: pending.account, asset: pending.asset, amount: pending.amount,
                                          withdrawal: id, time: now)))
        touch(pending.account, pending.asset)
    }
}

// MARK: Exact money arithmetic, written out

extension NaiveExchange {
    /// price × quantity / baseUnit, rounded down (`nil` when it does not fit).
    func value(_ m: Int, _ price: Price, _ quantity: Quantity) -> QuoteAmount? {
        Int64(exactly: Int128(price) * Int128(quantity) / Int128(markets[m].baseUnit))
    }

    /// price × quantity / baseUnit, rounded up: what a buyer must lock.
    func valueUp(_ m: Int, _ price: Price, _ quantity: Quantity) -> QuoteAmount? {
        let unit = Int128(markets[m].baseUnit)
        return Int64(exactly: (Int128(price) * Int128(quantity) + unit - 1) / unit)
    }

    /// The step MARKET quantities are cut to: MARKET_LOT_SIZE's when it has one, else LOT_SIZE's.
    func marketStep(_ m: Int) -> Quantity {
        let filters = markets[m].spec.filters
        if let step = filters.marketLotSize?.stepSize, step > 0 { return step }
        return filters.lotSize.stepSize
    }

    /// Whole market steps `budget` quote buys at `price`.
    func affordable(_ m: Int, _ budget: QuoteAmount, at price: Price) -> Quantity {
        let raw = Int64(clamping: Int128(budget) * Int128(markets[m].baseUnit) / Int128(price))
        return raw - raw % marketStep(m)
    }

    /// Commission on what a side receives: rounded down, never more than the rate.
    static func commission(_ received: Amount, _ basisPoints: Int32) -> Amount {
        Int64(Int128(received) * Int128(basisPoints) / 10_000)
    }

    /// Volume-weighted average price of the trades in the window, else the last price, else none.
    func referencePrice(_ m: Int) -> Price? {
        let filters = markets[m].spec.filters
        let minutes = Int64(filters.percentPriceBySide?.averagePriceMinutes ?? filters.notional?.averagePriceMinutes ?? 5)
        if minutes > 0 {
            let current = now / 60_000
            var quote: Int128 = 0, quantity: Int128 = 0
            for trade in markets[m].recentTrades where trade.minute > current - minutes && trade.minute <= current {
                quote += Int128(trade.quote)
                quantity += Int128(trade.quantity)
            }
            if quantity > 0, let average = Int64(exactly: quote * Int128(markets[m].baseUnit) / quantity) {
                return average
            }
        }
        return markets[m].lastPrice > 0 ? markets[m].lastPrice : nil
    }
}
