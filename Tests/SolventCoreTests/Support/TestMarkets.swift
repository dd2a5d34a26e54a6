@testable import SolventCore

/// Assets and markets the tests trade, with round numbers so expected figures are easy to read.
///
/// BTC, ETH and USDT at scale 8. BTCUSDT: tick 0.01 USDT, step 0.00001 BTC (tick × step = 1e-7 USDT,
/// a whole number of units). ETHBTC: tick 0.00001 BTC, step 0.001 ETH.
enum TestMarkets {
    static let btc: AssetId = 0
    static let usdt: AssetId = 1
    static let eth: AssetId = 2
    static let btcusdt: MarketId = 0
    static let ethusdt: MarketId = 1
    static let ethbtc: MarketId = 2

    /// One whole unit of an asset at scale 8.
    static let one: Int64 = 100_000_000

    /// `whole` units plus `hundredths` (a price in USDT like 50,000.25 = usdt(50_000, 25)).
    static func usdt(_ whole: Int64, _ hundredths: Int64 = 0) -> Int64 { whole * one + hundredths * 1_000_000 }

    /// A BTC quantity in steps of 0.00001.
    static func btc(_ steps: Int64) -> Int64 { steps * 1_000 }

    static func spec(_ symbol: String, base: AssetId, quote: AssetId, tick: Int64, step: Int64,
                     minNotional: Int64 = 0) -> MarketSpec {
        MarketSpec(
            symbol: symbol, base: base, quote: quote,
            filters: MarketFilters(
                price: PriceFilter(minPrice: tick, maxPrice: 1_000_000 * one, tickSize: tick),
                lotSize: LotSizeFilter(minQuantity: step, maxQuantity: 9_000 * one, stepSize: step),
                marketLotSize: LotSizeFilter(minQuantity: 0, maxQuantity: 9_000 * one, stepSize: 0),
                notional: minNotional > 0 ? NotionalFilter(minNotional: minNotional) : nil,
                maxNumOrders: 200))
    }

    static let setupCommands: [Command] = [
        .listAsset(AssetSpec(name: "BTC")),
        .listAsset(AssetSpec(name: "USDT")),
        .listAsset(AssetSpec(name: "ETH")),
        .listMarket(spec("BTCUSDT", base: btc, quote: usdt, tick: 1_000_000, step: 1_000)),
        .listMarket(spec("ETHUSDT", base: eth, quote: usdt, tick: 1_000_000, step: 10_000)),
        .listMarket(spec("ETHBTC", base: eth, quote: btc, tick: 1_000, step: 100_000)),
    ]
}

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
