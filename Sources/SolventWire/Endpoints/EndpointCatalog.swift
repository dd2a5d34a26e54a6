/// Every endpoint the server answers, each declared once. Adding an endpoint means one
/// declaration here, listed in its group, and one handler in the server (a test holds the
/// server's handlers to this list, one for one).
public enum EndpointCatalog {
    public static let all: [EndpointDeclaration] = general + marketData + trading + account + userDataStream
        + operational + admin + proof + users + wallet + custodyAdmin + jurisdictionAdmin + surveillanceAdmin + audit

    /// ping, time and exchangeInfo (spec §3.1).
    public static let general: [EndpointDeclaration] = [.ping, .time, .exchangeInfo]
    /// The book, trades, klines and tickers (spec §3.2).
    public static let marketData: [EndpointDeclaration] = [
        .depth, .trades, .historicalTrades, .aggregateTrades, .klines, .uiKlines, .averagePrice, .dayTicker,
        .priceTicker, .bookTicker,
    ]
    /// Placing and canceling orders (spec §3.3).
    public static let trading: [EndpointDeclaration] = [.placeOrder, .testOrder, .cancelOrder, .cancelOpenOrders,
                                                        .cancelReplace]
    /// The caller's own orders, trades and balances (spec §3.4).
    public static let account: [EndpointDeclaration] = [
        .queryOrder, .openOrders, .allOrders, .account, .myTrades, .accountCommission, .orderRateLimit,
    ]
    /// The legacy listenKey endpoints (spec §3.5).
    public static let userDataStream: [EndpointDeclaration] = [.startUserDataStream, .keepAliveUserDataStream,
                                                               .closeUserDataStream]
}

// Binance's REST API (spec §3); the weights are Binance's (spec §7.2).
extension EndpointDeclaration {
    public static let ping = EndpointDeclaration("GET", "/api/v3/ping", .none, weight: 1, webSocket: "ping")
    public static let time = EndpointDeclaration("GET", "/api/v3/time", .none, weight: 1, webSocket: "time")
    public static let exchangeInfo = EndpointDeclaration("GET", "/api/v3/exchangeInfo", .none, weight: 20,
                                                         webSocket: "exchangeInfo")

    public static let depth = EndpointDeclaration("GET", "/api/v3/depth", .none, weight: .depthLimit, webSocket: "depth")
    public static let trades = EndpointDeclaration("GET", "/api/v3/trades", .none, weight: 25, webSocket: "trades.recent")
    public static let historicalTrades = EndpointDeclaration("GET", "/api/v3/historicalTrades", .none, weight: 25,
                                                             webSocket: "trades.historical")
    public static let aggregateTrades = EndpointDeclaration("GET", "/api/v3/aggTrades", .none, weight: 4,
                                                            webSocket: "trades.aggregate")
    public static let klines = EndpointDeclaration("GET", "/api/v3/klines", .none, weight: 2, webSocket: "klines")
    public static let uiKlines = EndpointDeclaration("GET", "/api/v3/uiKlines", .none, weight: 2, webSocket: "uiKlines")
    public static let averagePrice = EndpointDeclaration("GET", "/api/v3/avgPrice", .none, weight: 2, webSocket: "avgPrice")
    public static let dayTicker = EndpointDeclaration("GET", "/api/v3/ticker/24hr", .none, weight: .dayTickerSymbols,
                                                      webSocket: "ticker.24hr")
    public static let priceTicker = EndpointDeclaration("GET", "/api/v3/ticker/price", .none,
                                                        weight: .whenSent("symbol", present: 2, absent: 4),
                                                        webSocket: "ticker.price")
    public static let bookTicker = EndpointDeclaration("GET", "/api/v3/ticker/bookTicker", .none,
                                                       weight: .whenSent("symbol", present: 2, absent: 4),
                                                       webSocket: "ticker.book")

    public static let placeOrder = EndpointDeclaration("POST", "/api/v3/order", .trade, weight: 1, webSocket: "order.place",
                                                       placesOrders: true)
    public static let testOrder = EndpointDeclaration("POST", "/api/v3/order/test", .trade,
                                                      weight: .whenTrue("computeCommissionRates", set: 20, unset: 1),
                                                      webSocket: "order.test")
    public static let cancelOrder = EndpointDeclaration("DELETE", "/api/v3/order", .trade, weight: 1,
                                                        webSocket: "order.cancel")
    public static let cancelOpenOrders = EndpointDeclaration("DELETE", "/api/v3/openOrders", .trade, weight: 1,
                                                             webSocket: "openOrders.cancelAll")
    public static let cancelReplace = EndpointDeclaration("POST", "/api/v3/order/cancelReplace", .trade, weight: 1,
                                                          webSocket: "order.cancelReplace", placesOrders: true)

    public static let queryOrder = EndpointDeclaration("GET", "/api/v3/order", .userData, weight: 4,
                                                       webSocket: "order.status")
    public static let openOrders = EndpointDeclaration("GET", "/api/v3/openOrders", .userData,
                                                       weight: .whenSent("symbol", present: 6, absent: 80),
                                                       webSocket: "openOrders.status")
    public static let allOrders = EndpointDeclaration("GET", "/api/v3/allOrders", .userData, weight: 20,
                                                      webSocket: "allOrders")
    public static let account = EndpointDeclaration("GET", "/api/v3/account", .userData, weight: 20,
                                                    webSocket: "account.status")
    public static let myTrades = EndpointDeclaration("GET", "/api/v3/myTrades", .userData,
                                                     weight: .whenSent("orderId", present: 5, absent: 20),
                                                     webSocket: "myTrades")
    public static let accountCommission = EndpointDeclaration("GET", "/api/v3/account/commission", .userData, weight: 20,
                                                              webSocket: "account.commission")
    public static let orderRateLimit = EndpointDeclaration("GET", "/api/v3/rateLimit/order", .userData, weight: 40,
                                                           webSocket: "account.rateLimits.orders")

    // binance-connector's SpotWebsocketAPIClient still manages listen keys on the WebSocket API.
    public static let startUserDataStream = EndpointDeclaration("POST", "/api/v3/userDataStream", .userStream, weight: 2,
                                                                webSocket: "userDataStream.start")
    public static let keepAliveUserDataStream = EndpointDeclaration("PUT", "/api/v3/userDataStream", .userStream,
                                                                    weight: 2, webSocket: "userDataStream.ping")
    public static let closeUserDataStream = EndpointDeclaration("DELETE", "/api/v3/userDataStream", .userStream,
                                                                weight: 2, webSocket: "userDataStream.stop")
}
