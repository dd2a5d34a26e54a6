import SolventCore
import SolventWire

/// A small live exchange for rendering tests: BTC (scale 8) against USDT (scale 6, so that a
/// price printed at the wrong scale shows), one market, two funded traders. Orders come from the
/// real engine, so responses are rendered from exactly what the server will hand over.
struct WireExchange {
    static let btc: AssetId = 0
    static let usdt: AssetId = 1
    static let market: MarketId = 0
    static let startTime: Timestamp = 1_700_000_000_000

    static let btcusdtSpec = MarketSpec(
        symbol: "BTCUSDT", base: btc, quote: usdt,
        filters: MarketFilters(
            price: PriceFilter(minPrice: usdt("0.01"), maxPrice: usdt("1000000"), tickSize: usdt("0.01")),
            lotSize: LotSizeFilter(minQuantity: btc("0.0001"), maxQuantity: btc("9000"), stepSize: btc("0.0001")),
            notional: NotionalFilter(minNotional: usdt("5"))))

    static let names = MarketNames(symbol: "BTCUSDT", baseAsset: "BTC", baseScale: 8,
                                   quoteAsset: "USDT", quoteScale: 6, baseAssetId: btc, quoteAssetId: usdt)

    var exchange = Exchange()
    var time = startTime

    init() {
        apply(.listAsset(AssetSpec(name: "BTC", scale: 8)))
        apply(.listAsset(AssetSpec(name: "USDT", scale: 6)))
        apply(.listMarket(Self.btcusdtSpec))
        apply(.openAccount(nil))  // 1: buyer
        apply(.openAccount(nil))  // 2: seller
        apply(.deposit(1, Self.usdt, Self.usdt("1000000")))
        apply(.deposit(2, Self.btc, Self.btc("10")))
    }

    /// Applies `command` one millisecond after the previous one.
    @discardableResult
    mutating func apply(_ command: Command) -> [Event] {
        time += 1
        let events = exchange.apply(command, at: time)
        let rejections = events.compactMap { event -> RejectReason? in
            if case .rejected(let rejection) = event { rejection.reason } else { nil }
        }
        precondition(rejections.isEmpty || isOrderCommand(command), "setup command rejected: \(rejections)")
        return events
    }

    mutating func limit(_ account: AccountId, _ side: Side, price: String, quantity: String,
                        clientOrderId: String, timeInForce: TimeInForce = .gtc) -> [Event] {
        apply(.placeOrder(.limit(account, Self.market, side, price: Self.usdt(price), quantity: Self.btc(quantity),
                                 timeInForce: timeInForce, clientOrderId: ClientOrderId(clientOrderId)!)))
    }

    private func isOrderCommand(_ command: Command) -> Bool {
        switch command {
        case .placeOrder, .cancelOrder, .cancelAllOrders, .cancelReplace, .amendOrder: true
        default: false
        }
    }

    /// Amounts from decimal text, through the same strict parser requests use.
    static func btc(_ text: String) -> Quantity { try! DecimalText.parse(text, scale: 8) }
    static func usdt(_ text: String) -> Price { try! DecimalText.parse(text, scale: 6) }
}

/// The UTF-8 text of a rendered response.
func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}
