import Testing
@testable import SolventServer

/// Where the market streams find their names (the URL) and which route serves a connection.
@Suite struct StreamRoutingTests {
    @Test func urlsNameStreamsByPathAndByQuery() {
        #expect(MarketStreamService.namesInURL(path: "/ws", query: nil) == [])
        #expect(MarketStreamService.namesInURL(path: "/ws/btcusdt@trade/btcusdt@depth@100ms", query: nil)
            == ["btcusdt@trade", "btcusdt@depth@100ms"])
        #expect(MarketStreamService.namesInURL(path: "/stream", query: "streams=a@trade/b@kline_1m")
            == ["a@trade", "b@kline_1m"])
        #expect(MarketStreamService.namesInURL(path: "/stream", query: "streams=a%40trade") == ["a@trade"])
        #expect(WebSocketUpgrade.split("/stream?streams=a/b") == ("/stream", "streams=a/b"))
    }

    @Test func routesPreferExactPathsOverPrefixes() {
        struct Named: WebSocketService {
            let name: String
            func opened(_ session: WebSocketSession) {}
            func received(_ message: String, from session: WebSocketSession) async {}
            func closed(_ session: WebSocketSession) {}
        }
        var routes = WebSocketRoutes()
        routes.register(pathPrefix: "/ws", Named(name: "streams"))
        routes.register(path: "/ws-api/v3", Named(name: "api"))
        #expect((routes.service(for: "/ws/0") as? Named)?.name == "streams")
        #expect((routes.service(for: "/ws") as? Named)?.name == "streams")
        #expect((routes.service(for: "/ws-api/v3") as? Named)?.name == "api")
        #expect(routes.service(for: "/wsx") == nil)
        #expect(routes.service(for: "/api/v3/ping") == nil)
    }
}
