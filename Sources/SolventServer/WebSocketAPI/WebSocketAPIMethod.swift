/// What answers each WebSocket API method (spec §6.3). Most are a REST endpoint under another
/// name, served by the very same handler with the same parameters; the user-data subscription
/// and session methods exist only here.
enum WebSocketAPIMethod: Equatable {
    /// The REST endpoint (HTTP method and path) whose handler answers.
    case rest(String, String)
    case subscribeSignature
    case subscribe
    case unsubscribe
    case subscriptions
    case logon
    case status
    case logout

    /// The method named `name`, with or without the `v3/` prefix clients may send.
    static func named(_ name: String) -> WebSocketAPIMethod? {
        table[name.hasPrefix("v3/") ? String(name.dropFirst(3)) : name]
    }

    /// REQUEST_WEIGHT of the methods that are not a REST endpoint (spec §7.2; the REST ones cost
    /// what their endpoint costs).
    static let ownWeight = 2

    /// Whether the method can place orders, so its reply reports the ORDERS limits too.
    var placesOrders: Bool {
        self == .rest("POST", "/api/v3/order") || self == .rest("POST", "/api/v3/order/cancelReplace")
    }

    /// Every method by name. Each REST entry must name an endpoint the server has (tested).
    static let table: [String: WebSocketAPIMethod] = [
        "ping": .rest("GET", "/api/v3/ping"),
        "time": .rest("GET", "/api/v3/time"),
        "exchangeInfo": .rest("GET", "/api/v3/exchangeInfo"),
        "depth": .rest("GET", "/api/v3/depth"),
        "trades.recent": .rest("GET", "/api/v3/trades"),
        "trades.historical": .rest("GET", "/api/v3/historicalTrades"),
        "trades.aggregate": .rest("GET", "/api/v3/aggTrades"),
        "klines": .rest("GET", "/api/v3/klines"),
        "uiKlines": .rest("GET", "/api/v3/uiKlines"),
        "avgPrice": .rest("GET", "/api/v3/avgPrice"),
        "ticker.24hr": .rest("GET", "/api/v3/ticker/24hr"),
        "ticker.price": .rest("GET", "/api/v3/ticker/price"),
        "ticker.book": .rest("GET", "/api/v3/ticker/bookTicker"),
        "order.place": .rest("POST", "/api/v3/order"),
        "order.test": .rest("POST", "/api/v3/order/test"),
        "order.status": .rest("GET", "/api/v3/order"),
        "order.cancel": .rest("DELETE", "/api/v3/order"),
        "order.cancelReplace": .rest("POST", "/api/v3/order/cancelReplace"),
        "openOrders.status": .rest("GET", "/api/v3/openOrders"),
        "openOrders.cancelAll": .rest("DELETE", "/api/v3/openOrders"),
        "allOrders": .rest("GET", "/api/v3/allOrders"),
        "myTrades": .rest("GET", "/api/v3/myTrades"),
        "account.status": .rest("GET", "/api/v3/account"),
        "account.commission": .rest("GET", "/api/v3/account/commission"),
        "account.rateLimits.orders": .rest("GET", "/api/v3/rateLimit/order"),
        // binance-connector's SpotWebsocketAPIClient still manages listen keys this way.
        "userDataStream.start": .rest("POST", "/api/v3/userDataStream"),
        "userDataStream.ping": .rest("PUT", "/api/v3/userDataStream"),
        "userDataStream.stop": .rest("DELETE", "/api/v3/userDataStream"),
        "userDataStream.subscribe.signature": .subscribeSignature,
        "userDataStream.subscribe": .subscribe,
        "userDataStream.unsubscribe": .unsubscribe,
        "session.subscriptions": .subscriptions,
        "session.logon": .logon,
        "session.status": .status,
        "session.logout": .logout,
    ]
}
