import SolventWire
import Testing

@Suite("The endpoint catalog: routes, WebSocket API names and weights (spec §7.2)")
struct EndpointCatalogTests {
    /// The weight of the declared endpoint at `method` `path`, for a request with `query`.
    private func weight(_ method: String, _ path: String, _ query: String = "") throws -> Int {
        let declaration = try #require(EndpointCatalog.all.first { $0.method == method && $0.path == path },
                                       "\(method) \(path) is not declared")
        return declaration.weight.of(try RequestParameters(rawQuery: query, rawBody: ""))
    }

    @Test func routesAndWebSocketNamesAreUnique() {
        var routes = Set<String>(), names = Set<String>()
        for declaration in EndpointCatalog.all {
            #expect(routes.insert(declaration.method + " " + declaration.path).inserted, "\(declaration.path) twice")
            #expect(declaration.method == declaration.method.uppercased())
            if let name = declaration.webSocketMethod { #expect(names.insert(name).inserted, "\(name) twice") }
        }
        #expect(names.count == 28)
    }

    @Test func securityFollowsTheSpec() {
        #expect(EndpointDeclaration.placeOrder.security == .trade)
        #expect(EndpointDeclaration.account.security == .userData)
        #expect(EndpointDeclaration.startUserDataStream.security == .userStream)
        #expect(EndpointCatalog.admin.allSatisfy { $0.security == .admin && $0.path.hasPrefix("/admin/v1/") })
        #expect(EndpointCatalog.admin.allSatisfy { $0.webSocketMethod == nil })
        #expect(EndpointCatalog.all.filter(\.placesOrders) == [.placeOrder, .cancelReplace])
    }

    @Test func fixedWeights() throws {
        #expect(try weight("GET", "/api/v3/ping") == 1)
        #expect(try weight("GET", "/api/v3/time") == 1)
        #expect(try weight("GET", "/api/v3/exchangeInfo") == 20)
        #expect(try weight("GET", "/api/v3/trades") == 25)
        #expect(try weight("GET", "/api/v3/historicalTrades") == 25)
        #expect(try weight("GET", "/api/v3/aggTrades") == 4)
        #expect(try weight("GET", "/api/v3/klines") == 2)
        #expect(try weight("GET", "/api/v3/uiKlines") == 2)
        #expect(try weight("GET", "/api/v3/avgPrice") == 2)
        #expect(try weight("POST", "/api/v3/order") == 1)
        #expect(try weight("DELETE", "/api/v3/order") == 1)
        #expect(try weight("DELETE", "/api/v3/openOrders") == 1)
        #expect(try weight("POST", "/api/v3/order/cancelReplace") == 1)
        #expect(try weight("GET", "/api/v3/order") == 4)
        #expect(try weight("GET", "/api/v3/allOrders") == 20)
        #expect(try weight("GET", "/api/v3/account") == 20)
        #expect(try weight("GET", "/api/v3/account/commission") == 20)
        #expect(try weight("GET", "/api/v3/rateLimit/order") == 40)
        for method in ["POST", "PUT", "DELETE"] { #expect(try weight(method, "/api/v3/userDataStream") == 2) }
    }

    @Test func depthWeightFollowsTheLimit() throws {
        #expect(try weight("GET", "/api/v3/depth", "symbol=BTCUSDT") == 5)
        #expect(try weight("GET", "/api/v3/depth", "symbol=BTCUSDT&limit=100") == 5)
        #expect(try weight("GET", "/api/v3/depth", "symbol=BTCUSDT&limit=101") == 25)
        #expect(try weight("GET", "/api/v3/depth", "symbol=BTCUSDT&limit=500") == 25)
        #expect(try weight("GET", "/api/v3/depth", "symbol=BTCUSDT&limit=1000") == 50)
        #expect(try weight("GET", "/api/v3/depth", "symbol=BTCUSDT&limit=5000") == 250)
        #expect(try weight("GET", "/api/v3/depth", "symbol=BTCUSDT&limit=junk") == 5)
    }

    @Test func tickerWeightsFollowTheSymbols() throws {
        let twenty = "[" + (1...20).map { "\"S\($0)\"" }.joined(separator: ",") + "]"
        let twentyOne = "[" + (1...21).map { "\"S\($0)\"" }.joined(separator: ",") + "]"
        let hundredOne = "[" + (1...101).map { "\"S\($0)\"" }.joined(separator: ",") + "]"
        #expect(try weight("GET", "/api/v3/ticker/24hr", "symbol=BTCUSDT") == 2)
        #expect(try weight("GET", "/api/v3/ticker/24hr") == 80)
        #expect(try weight("GET", "/api/v3/ticker/24hr", "symbols=" + twenty) == 2)
        #expect(try weight("GET", "/api/v3/ticker/24hr", "symbols=" + twentyOne) == 40)
        #expect(try weight("GET", "/api/v3/ticker/24hr", "symbols=" + hundredOne) == 80)
        #expect(try weight("GET", "/api/v3/ticker/24hr", "symbols=junk") == 2)
        #expect(try weight("GET", "/api/v3/ticker/price", "symbol=BTCUSDT") == 2)
        #expect(try weight("GET", "/api/v3/ticker/price") == 4)
        #expect(try weight("GET", "/api/v3/ticker/bookTicker") == 4)
    }

    @Test func parameterDependentTradingWeights() throws {
        #expect(try weight("POST", "/api/v3/order/test") == 1)
        #expect(try weight("POST", "/api/v3/order/test", "computeCommissionRates=true") == 20)
        #expect(try weight("POST", "/api/v3/order/test", "computeCommissionRates=junk") == 1)
        #expect(try weight("GET", "/api/v3/openOrders", "symbol=BTCUSDT") == 6)
        #expect(try weight("GET", "/api/v3/openOrders") == 80)
        #expect(try weight("GET", "/api/v3/myTrades", "symbol=BTCUSDT") == 20)
        #expect(try weight("GET", "/api/v3/myTrades", "symbol=BTCUSDT&orderId=3") == 5)
    }
}
