import SolventCore
import SolventSurveillance
import SolventTestSupport

/// A real `Exchange` with the test markets listed and funded accounts, every command's events fed
/// to a `Surveillance` at the command's time, as the server's feed does from the commit ring.
struct SurveilledExchange {
    var exchange = Exchange()
    var surveillance: Surveillance
    /// Engine time of the next command; each command moves it on by `step` unless told otherwise.
    var time: Timestamp
    var step: Timestamp = 100
    /// The last command's events.
    private(set) var events: [Event] = []

    init(accounts: Int = 4, thresholds: SurveillanceThresholds = SurveillanceThresholds(),
         links: LinkedAccounts = LinkedAccounts(), time: Timestamp = 1_700_000_000_000) {
        surveillance = Surveillance(thresholds: thresholds, links: links)
        self.time = time
        for command in TestMarkets.setupCommands { run(command) }
        for _ in 0..<accounts {
            run(.openAccount(nil))
            let account = lastOpened
            for asset in 0..<3 { run(.deposit(account, AssetId(asset), 1_000_000 * TestMarkets.one)) }
        }
    }

    private var lastOpened: AccountId {
        for case .accountOpened(let account, _) in events { return account }
        return 0
    }

    /// Applies `command` at the current time, feeds surveillance, and returns the alerts raised.
    @discardableResult
    mutating func run(_ command: Command) -> [SurveillanceAlert] {
        events = exchange.apply(command, at: time)
        precondition(exchange.invariantViolations().isEmpty, "invariants hold after \(command)")
        let raised = surveillance.observe(command, events, at: time)
        time += step
        return raised
    }

    /// A GTC limit order (self-trade prevention off unless told); returns its order id.
    @discardableResult
    mutating func limit(_ account: AccountId, _ side: Side, _ price: Price, _ quantity: Quantity,
                        stp: SelfTradePreventionMode = .none, market: MarketId = TestMarkets.btcusdt,
                        timeInForce: TimeInForce = .gtc) -> OrderId {
        run(.placeOrder(.limit(account, market, side, price: price, quantity: quantity, timeInForce: timeInForce,
                               selfTradePreventionMode: stp)))
        return newOrderId
    }

    /// A MARKET order by quantity; returns its order id.
    @discardableResult
    mutating func market(_ account: AccountId, _ side: Side, _ quantity: Quantity,
                         market: MarketId = TestMarkets.btcusdt) -> OrderId {
        run(.placeOrder(NewOrder(account: account, market: market, side: side, type: .market, quantity: quantity)))
        return newOrderId
    }

    mutating func cancel(_ account: AccountId, _ order: OrderId, market: MarketId = TestMarkets.btcusdt) {
        run(.cancelOrder(CancelOrder(account: account, market: market, order: .id(order))))
    }

    /// Two other accounts trade `count` times `quantity` at `price`, to give the tape a size.
    mutating func tape(_ count: Int, _ price: Price, _ quantity: Quantity, between seller: AccountId = 2,
                       and buyer: AccountId = 3) {
        for _ in 0..<count {
            limit(seller, .sell, price, quantity)
            limit(buyer, .buy, price, quantity)
        }
    }

    /// The last command's new order id (0 when it made none).
    var newOrderId: OrderId {
        for case .order(let report) in events where report.execution == .new { return report.order.id }
        return 0
    }

    /// The last command's trades.
    var trades: [Trade] {
        events.compactMap { if case .trade(let trade) = $0 { trade } else { nil } }
    }

    /// Lets time pass with no command and returns what closed.
    @discardableResult
    mutating func wait(_ milliseconds: Timestamp) -> [SurveillanceAlert] {
        time += milliseconds
        return surveillance.advance(to: time)
    }
}

/// Prices and quantities on BTCUSDT (tick 0.01 USDT, step 0.00001 BTC).
func usdt(_ whole: Int64, _ hundredths: Int64 = 0) -> Price { TestMarkets.usdt(whole, hundredths) }
func steps(_ count: Int64) -> Quantity { TestMarkets.btc(count) }
