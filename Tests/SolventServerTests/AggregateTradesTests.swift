import Foundation
import Testing

/// `aggTrades` merges one taker order's fills at one price, and pages never cut an aggregate.
@Suite(.serialized) struct AggregateTradesTests {
    /// (a, f, l, q) of each aggregate in an answer.
    typealias Row = (a: Int, f: Int, l: Int, q: String)

    @Test func fillsOfOneTakerAtOnePriceMerge() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let maker = try await server.account()
        let taker = try await server.account()
        for price in ["50000", "50000", "50001", "50001"] {
            let sell = try await server.signed("POST", "/api/v3/order", [
                "symbol": "BTCUSDT", "side": "SELL", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.01",
                "price": price], as: maker)
            #expect(sell.status == 200, "\(sell.text)")
        }
        // Trades 1 and 2 at 50000 and 3 at 50001 by one taker order; trade 4 by another.
        for quantity in ["0.03", "0.01"] {
            let buy = try await server.signed("POST", "/api/v3/order", [
                "symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": quantity], as: taker)
            #expect(buy.status == 200, "\(buy.text)")
        }

        #expect(try await rows(server, [:]).map(\.a) == [1, 3, 4])
        let first = try await rows(server, ["fromId": "1", "limit": "1"])
        #expect(first.count == 1 && first[0].f == 1 && first[0].l == 2 && first[0].q == "0.02000000")
        #expect(try await rows(server, ["fromId": "2"]).map(\.a) == [3, 4], "2 is inside aggregate 1")
        #expect(try await rows(server, ["limit": "2"]).map(\.a) == [3, 4], "the newest two")
        #expect(try await rows(server, ["fromId": "5"]).isEmpty)
        let now = Int(Date().timeIntervalSince1970 * 1000)
        let window = ["startTime": String(now - 1_800_000), "endTime": String(now + 60_000)]
        #expect(try await rows(server, window).map(\.a) == [1, 3, 4])
        #expect(try await rows(server, window.merging(["limit": "1"]) { $1 }).map(\.l) == [2], "the oldest first")
        let trades = try await server.send("GET", "/api/v3/trades", query: "symbol=BTCUSDT")
        #expect((trades.json as? [Any])?.count == 4, "the plain trade list is unmerged")
    }

    private func rows(_ server: TestServer, _ parameters: [String: String]) async throws -> [Row] {
        var parameters = parameters
        parameters["symbol"] = "BTCUSDT"
        let answer = try await server.send("GET", "/api/v3/aggTrades", query: TestServer.query(parameters))
        guard answer.status == 200, let items = answer.json as? [[String: Any]] else { return [] }
        return items.map { ($0["a"] as! Int, $0["f"] as! Int, $0["l"] as! Int, $0["q"] as! String) }
    }
}
