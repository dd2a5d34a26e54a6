/// One endpoint as the API promises it: where it lives, what a request must carry, what it
/// costs, and its name on the WebSocket API. Declared once, in `EndpointCatalog`; routing,
/// weights, rate limits, the WebSocket API's method table and the metrics labels all read it.
public struct EndpointDeclaration: Sendable, Hashable {
    /// The HTTP method, upper case (`GET`).
    public let method: String
    /// The full path (`/api/v3/order`).
    public let path: String
    public let security: SecurityType
    public let weight: RequestWeight
    /// The WebSocket API method that runs this endpoint (`order.place`), if it has one.
    public let webSocketMethod: String?
    /// Whether the endpoint places orders, so it counts against (and reports) the ORDERS limits.
    public let placesOrders: Bool

    public init(_ method: String, _ path: String, _ security: SecurityType, weight: RequestWeight,
                webSocket webSocketMethod: String? = nil, placesOrders: Bool = false) {
        self.method = method
        self.path = path
        self.security = security
        self.weight = weight
        self.webSocketMethod = webSocketMethod
        self.placesOrders = placesOrders
    }

    /// The `endpoint` label of the request metrics.
    public var metricsLabel: String { path }
}

/// The REQUEST_WEIGHT an endpoint costs (spec §3, §7.2), some depending on parameters.
///
/// Weight is charged before the request is validated, so parameters are read leniently here: a
/// malformed `limit` or `symbols` costs what the default would, and the request then fails on
/// its own error.
public enum RequestWeight: Sendable, Hashable, ExpressibleByIntegerLiteral {
    case fixed(Int)
    /// `depth`: by `limit` (`RequestWeight.depth(limit:)`).
    case depthLimit
    /// `ticker/24hr`: by how many symbols (`RequestWeight.dayTicker(symbols:)`).
    case dayTickerSymbols
    /// `present` when the request sends `parameter`, `absent` otherwise.
    case whenSent(String, present: Int, absent: Int)
    /// `set` when the boolean `parameter` is `true`, `unset` otherwise.
    case whenTrue(String, set: Int, unset: Int)

    /// What a request nothing declares costs (it is refused, but still counted).
    public static let unknownEndpoint = 1

    public init(integerLiteral value: Int) {
        self = .fixed(value)
    }

    /// The weight of a request with `parameters`.
    public func of(_ parameters: RequestParameters) -> Int {
        switch self {
        case .fixed(let weight): weight
        case .depthLimit: Self.depth(limit: (try? parameters.int("limit")) ?? 100)
        case .dayTickerSymbols: Self.dayTicker(symbols: Self.symbolCount(parameters))
        case .whenSent(let name, let present, let absent): parameters.contains(name) ? present : absent
        case .whenTrue(let name, let set, let unset): (try? parameters.bool(name)) == true ? set : unset
        }
    }

    /// `depth`: 5 up to 100 levels, 25 up to 500, 50 up to 1000, 250 beyond (clamped at 5000).
    public static func depth(limit: Int) -> Int {
        switch limit {
        case ...100: 5
        case ...500: 25
        case ...1000: 50
        default: 250
        }
    }

    /// `ticker/24hr`: 2 for one symbol or up to 20, 40 up to 100, 80 beyond or for all.
    static func dayTicker(symbols: Int?) -> Int {
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
