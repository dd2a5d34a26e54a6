/// The REQUEST_WEIGHT each REST endpoint costs (spec §3, §7.2), some depending on parameters.
///
/// Weight is charged before the request is validated, so parameters are read leniently here: a
/// malformed `limit` or `symbols` costs what the default would, and the request then fails on
/// its own error.
public enum EndpointWeight {
    /// Weight of a path this table does not know (it is answered 404, but still counted).
    public static let unknownEndpointWeight = 1

    /// `path` with or without the `/api/v3` prefix; `method` in any case.
    public static func weight(method: String, path: String, parameters: RequestParameters) -> Int {
        let endpoint = path.hasPrefix("/api/v3/") ? String(path.dropFirst("/api/v3".count)) : path
        switch (method.uppercased(), endpoint) {
        case ("GET", "/ping"), ("GET", "/time"): return 1
        case ("GET", "/exchangeInfo"): return 20
        case ("GET", "/depth"): return depthWeight(limit: (try? parameters.int("limit")) ?? 100)
        case ("GET", "/trades"), ("GET", "/historicalTrades"): return 25
        case ("GET", "/aggTrades"): return 4
        case ("GET", "/klines"), ("GET", "/uiKlines"), ("GET", "/avgPrice"): return 2
        case ("GET", "/ticker/24hr"): return ticker24hrWeight(symbolCount(parameters))
        case ("GET", "/ticker/price"), ("GET", "/ticker/bookTicker"): return parameters.contains("symbol") ? 2 : 4
        case ("GET", "/ticker"): return min(4 * max(symbolCount(parameters) ?? 1, 1), 200)
        case ("POST", "/order"), ("DELETE", "/order"), ("DELETE", "/openOrders"), ("POST", "/order/cancelReplace"):
            return 1
        case ("POST", "/order/test"):
            return (try? parameters.bool("computeCommissionRates")) == true ? 20 : 1
        case ("PUT", "/order/amend/keepPriority"): return 4
        case ("GET", "/order"): return 4
        case ("GET", "/openOrders"): return parameters.contains("symbol") ? 6 : 80
        case ("GET", "/allOrders"), ("GET", "/account"), ("GET", "/account/commission"): return 20
        case ("GET", "/myTrades"): return parameters.contains("orderId") ? 5 : 20
        case ("GET", "/rateLimit/order"): return 40
        case ("POST", "/userDataStream"), ("PUT", "/userDataStream"), ("DELETE", "/userDataStream"): return 2
        case ("GET", "/orderList"): return 4
        case ("GET", "/allOrderList"): return 20
        case ("GET", "/openOrderList"): return 6
        case ("DELETE", "/orderList"), ("POST", "/orderList/oco"), ("POST", "/orderList/oto"),
             ("POST", "/orderList/otoco"):
            return 1
        default: return unknownEndpointWeight
        }
    }

    /// `depth`: 5 up to 100 levels, 25 up to 500, 50 up to 1000, 250 beyond (clamped at 5000).
    public static func depthWeight(limit: Int) -> Int {
        switch limit {
        case ...100: 5
        case ...500: 25
        case ...1000: 50
        default: 250
        }
    }

    /// `ticker/24hr`: 2 for one symbol or up to 20, 40 up to 100, 80 beyond or for all.
    static func ticker24hrWeight(_ symbols: Int?) -> Int {
        switch symbols {
        case nil: 80
        case let count? where count <= 20: 2
        case let count? where count <= 100: 40
        default: 80
        }
    }

    /// 1 for `symbol`, the array's length for `symbols`, `nil` for neither (all symbols).
    private static func symbolCount(_ parameters: RequestParameters) -> Int? {
        if parameters.contains("symbol") { return 1 }
        guard parameters.contains("symbols") else { return nil }
        return (try? parameters.stringArray("symbols"))?.count ?? 1
    }
}
