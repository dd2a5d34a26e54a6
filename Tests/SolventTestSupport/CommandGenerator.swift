import SolventCore

/// Random but plausible command streams over the test markets: every order type, time in force and
/// self-trade prevention mode, cancels by id and client id, cancel-replace, amends, deposits and
/// withdrawals, halts and freezes, and a sprinkling of invalid input. It learns which orders are open
/// from the events, so most cancels and amends hit something.
public struct CommandGenerator {
    public var rng: SplitMix64
    public let accounts: [AccountId] = Array(1...6)
    private var open: [OrderRef] = []
    private var withdrawals: [WithdrawalId] = []
    private var clientSequence = 0

    private struct OrderRef {
        var id: OrderId
        var account: AccountId
        var market: MarketId
        var clientOrderId: ClientOrderId
        var quantity: Quantity
    }

    /// Mid price and tick / step per test market.
    private static let markets: [(mid: Price, tick: Price, step: Quantity)] = [
        (TestMarkets.usdt(100), 1_000_000, 1_000),
        (TestMarkets.usdt(20), 1_000_000, 10_000),
        (20_000_000, 1_000, 100_000),
    ]

    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// Commands that fund the accounts before the random stream starts.
    public var fundingCommands: [Command] {
        accounts.flatMap { account in
            [Command.openAccount(nil)] + (0..<3).map { .deposit(account, AssetId($0), 5_000 * TestMarkets.one) }
        }
    }

    public mutating func next() -> Command {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<56: return .placeOrder(newOrder())
        case 56..<70: return .cancelOrder(cancel())
        case 70..<80: return cancelReplace()
        case 80..<86: return amend()
        case 86..<88: return .cancelAllOrders(rng.pick(accounts), market())
        case 88..<92: return .deposit(rng.pick(accounts), AssetId.random(in: 0...2, using: &rng),
                                      Int64.random(in: -5...5_000_000_000, using: &rng))
        case 92..<95: return .requestWithdrawal(rng.pick(accounts), AssetId.random(in: 0...2, using: &rng),
                                                Int64.random(in: 1...50_000_000_000, using: &rng))
        case 95..<97: return finishWithdrawal()
        case 97: return .setMarketStatus(market(), rng.chance(85) ? .trading : rng.pick([.halt, .breakStatus]))
        case 98: return .setTradingEnabled(rng.pick(accounts), !rng.chance(15))
        default: return .setFees(rng.pick(accounts), FeeSchedule(makerBasisPoints: Int32.random(in: 0...30, using: &rng),
                                                                takerBasisPoints: Int32.random(in: 0...60, using: &rng)))
        }
    }

    /// Learns from a command's events which orders and withdrawals are open.
    public mutating func observe(_ events: [Event]) {
        for event in events {
            switch event {
            case .order(let report) where report.order.status.isOpen:
                if !open.contains(where: { $0.id == report.order.id }) {
                    open.append(OrderRef(id: report.order.id, account: report.order.account, market: report.order.market,
                                         clientOrderId: report.order.clientOrderId, quantity: report.order.quantity))
                }
            case .order(let report):
                open.removeAll { $0.id == report.order.id }
            case .ledger(let entry) where entry.kind == .withdrawalRequested:
                withdrawals.append(entry.withdrawal)
            default:
                break
            }
        }
    }

    // MARK: Pieces

    private mutating func market() -> MarketId { MarketId.random(in: 0...2, using: &rng) }

    private mutating func newOrder(in chosenMarket: MarketId? = nil, for chosenAccount: AccountId? = nil) -> NewOrder {
        let m = chosenMarket ?? market()
        let (mid, tick, step) = Self.markets[Int(m)]
        let side: Side = rng.chance(50) ? .buy : .sell
        var order = NewOrder(account: chosenAccount ?? rng.pick(accounts), market: m, side: side,
                             type: rng.chance(45) ? .limit : rng.pick(OrderType.allCases))
        let quantity = step * Int64.random(in: 1...(rng.chance(10) ? 400 : 20), using: &rng)
        let price = mid + tick * Int64.random(in: -15...15, using: &rng)
        order.clientOrderId = clientId()
        order.selfTradePreventionMode = rng.chance(20) ? nil : rng.pick(SelfTradePreventionMode.allCases)
        switch order.type {
        case .limit, .stopLossLimit, .takeProfitLimit:
            order.price = price
            order.timeInForce = rng.pick([.gtc, .gtc, .gtc, .ioc, .fok])
        case .limitMaker:
            order.price = price
        case .market, .stopLoss, .takeProfit:
            break
        }
        if order.type == .market && rng.chance(40) {
            order.quoteOrderQuantity = TestMarkets.one / 1_000 * Int64.random(in: 1...2_000, using: &rng)
        } else {
            order.quantity = quantity
        }
        if order.type.isConditional {
            // Mostly on the side of the price where it waits; sometimes where it would fire at once.
            let firesOnRise = (side == .buy) == (order.type == .stopLoss || order.type == .stopLossLimit)
            let away = firesOnRise == rng.chance(85) ? 1 : -1
            order.stopPrice = mid + tick * Int64(away) * Int64.random(in: 1...12, using: &rng)
        }
        if order.type.hasLimitPrice && order.timeInForce != .ioc && order.timeInForce != .fok && rng.chance(15) {
            order.icebergQuantity = step * Int64.random(in: 1...5, using: &rng)
        }
        if rng.chance(3) { spoil(&order) }
        return order
    }

    /// Breaks one thing about an order, so rejections are exercised too.
    private mutating func spoil(_ order: inout NewOrder) {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: order.price = (order.price ?? 1) + 1  // off the tick
        case 1: order.quantity = 0
        case 2: order.timeInForce = order.timeInForce == nil ? .gtc : nil
        case 3: order.quantity = Int64.max / 2
        case 4: order.account = 99
        default: order.market = 7
        }
    }

    private mutating func clientId() -> ClientOrderId {
        guard rng.chance(40) else { return .none }
        clientSequence += 1
        // Reuse recent ids now and then to hit the duplicate check.
        let number = rng.chance(10) ? max(1, clientSequence - 3) : clientSequence
        return ClientOrderId("c-\(number)")!
    }

    private mutating func target() -> OrderRef? {
        guard !open.isEmpty, rng.chance(90) else { return nil }
        return rng.pick(open)
    }

    private mutating func cancel() -> CancelOrder {
        guard let order = target() else {
            return CancelOrder(account: rng.pick(accounts), market: market(), order: .id(Int64.random(in: 1...10_000, using: &rng)))
        }
        let reference: OrderReference = !order.clientOrderId.isEmpty && rng.chance(50)
            ? .client(order.clientOrderId) : .id(order.id)
        let restriction = rng.chance(90) ? CancelRestriction.none : rng.pick(CancelRestriction.allCases)
        return CancelOrder(account: order.account, market: order.market, order: reference,
                           cancelClientOrderId: clientId(), restriction: restriction)
    }

    private mutating func cancelReplace() -> Command {
        let cancel = cancel()
        // Now and then a replacement for another account or market, which must be refused.
        let replacement = rng.chance(95) ? newOrder(in: cancel.market, for: cancel.account) : newOrder()
        return .cancelReplace(CancelReplace(mode: rng.chance(70) ? .stopOnFailure : .allowFailure,
                                            cancel: cancel, replacement: replacement))
    }

    private mutating func amend() -> Command {
        guard let order = target() else { return .cancelAllOrders(rng.pick(accounts), market()) }
        let step = Self.markets[Int(order.market)].step
        let newQuantity = max(step, order.quantity - step * Int64.random(in: -1...5, using: &rng))
        return .amendOrder(AmendOrder(account: order.account, market: order.market, order: .id(order.id),
                                      newQuantity: newQuantity))
    }

    private mutating func finishWithdrawal() -> Command {
        guard !withdrawals.isEmpty else { return .confirmWithdrawal(Int64.random(in: 1...50, using: &rng)) }
        let id = withdrawals.remove(at: Int.random(in: 0..<withdrawals.count, using: &rng))
        return rng.chance(50) ? .confirmWithdrawal(id) : .releaseWithdrawal(id)
    }
}
