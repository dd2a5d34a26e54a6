import SolventWire
import Testing

@Suite("Endpoint weights (spec §7.2)")
struct EndpointWeightTests {
    private func weight(_ method: String, _ path: String, _ query: String = "") throws -> Int {
        EndpointWeight.weight(method: method, path: path, parameters: try RequestParameters(rawQuery: query, rawBody: ""))
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
        #expect(try weight("GET", "/api/v3/ticker/price", "symbol=BTCUSDT") == 2)
        #expect(try weight("GET", "/api/v3/ticker/price") == 4)
        #expect(try weight("GET", "/api/v3/ticker/bookTicker") == 4)
        #expect(try weight("GET", "/api/v3/ticker", "symbol=BTCUSDT") == 4)
        #expect(try weight("GET", "/api/v3/ticker", "symbols=" + twentyOne) == 84)
        #expect(try weight("GET", "/api/v3/ticker", "symbols=" + hundredOne) == 200)
    }

    @Test func parameterDependentTradingWeights() throws {
        #expect(try weight("POST", "/api/v3/order/test") == 1)
        #expect(try weight("POST", "/api/v3/order/test", "computeCommissionRates=true") == 20)
        #expect(try weight("GET", "/api/v3/openOrders", "symbol=BTCUSDT") == 6)
        #expect(try weight("GET", "/api/v3/openOrders") == 80)
        #expect(try weight("GET", "/api/v3/myTrades", "symbol=BTCUSDT") == 20)
        #expect(try weight("GET", "/api/v3/myTrades", "symbol=BTCUSDT&orderId=3") == 5)
    }

    @Test func pathsWorkWithoutThePrefixAndMethodsInAnyCase() throws {
        #expect(try weight("get", "/exchangeInfo") == 20)
        #expect(try weight("GET", "/sapi/v1/capital/config/getall") == EndpointWeight.unknownEndpointWeight)
    }
}
