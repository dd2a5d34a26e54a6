@testable import SolventCore
import SolventTestSupport

/// An engine with the test markets listed, for scenario tests.
struct TestExchange<Book: OrderBook> {
    var engine = Engine<Book>()
    var time: Timestamp = 1_700_000_000_000
    var events: [Event] = []

    init(accounts: Int = 3, funding: Int64 = 1_000_000 * TestMarkets.one) {
        for command in TestMarkets.setupCommands {
            precondition(run(command).rejections.isEmpty, "test setup failed at \(command)")
        }
        for _ in 0..<accounts {
            run(.openAccount(nil))
            let account = AccountId(engine.ledger.accountCount - 1)
            for asset in 0..<engine.assets.count { run(.deposit(account, AssetId(asset), funding)) }
        }
    }

    /// Applies a command a millisecond after the last, checks every invariant, returns its events.
    @discardableResult
    mutating func run(_ command: Command) -> [Event] {
        time += 1
        events = engine.apply(command, at: time)
        let problems = engine.invariantViolations()
        precondition(problems.isEmpty, "invariants broken after \(command): \(problems)")
        return events
    }

    @discardableResult
    mutating func place(_ order: NewOrder) -> [Event] { run(.placeOrder(order)) }

    @discardableResult
    mutating func limit(_ account: AccountId, _ side: Side, price: Price, quantity: Quantity,
                        _ timeInForce: TimeInForce = .gtc, market: MarketId = TestMarkets.btcusdt,
                        stp: SelfTradePreventionMode? = SelfTradePreventionMode.none) -> [Event] {
        place(.limit(account, market, side, price: price, quantity: quantity, timeInForce: timeInForce,
                     selfTradePreventionMode: stp))
    }

    func balance(_ account: AccountId, _ asset: AssetId) -> Balance { engine.balance(of: account, asset) }
}

extension [Event] {
    var orderEvents: [OrderEvent] { compactMap { if case .order(let e) = $0 { e } else { nil } } }
    var trades: [Trade] { compactMap { if case .trade(let t) = $0 { t } else { nil } } }
    var rejections: [RejectReason] { compactMap { if case .rejected(let r) = $0 { r.reason } else { nil } } }
    /// The id the command's NEW event gave its order.
    var newOrderId: OrderId? { orderEvents.first { $0.execution == .new }?.order.id }
    /// The last state reported for `id`.
    func lastStatus(of id: OrderId) -> OrderStatus? { orderEvents.last { $0.order.id == id }?.order.status }
}
