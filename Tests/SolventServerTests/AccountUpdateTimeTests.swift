import Foundation
@testable import SolventServer
import Testing

/// `GET /api/v3/account`'s `updateTime` is when one of the account's balances last changed (the
/// sequencer's time of that command), not when it is asked: a user can tell whether anything
/// moved since an epoch.
@Suite(.serialized) struct AccountUpdateTimeTests {
    static func updateTime(_ server: TestServer, _ account: TestAccount) async throws -> Int {
        let answer = try await server.signed("GET", "/api/v3/account", [:], as: account)
        #expect(answer.status == 200, "\(answer.text)")
        return try #require((answer.json as? [String: Any])?["updateTime"] as? Int)
    }

    @Test func itIsTheTimeOfTheLastBalanceChangeAndMovesToTheTradesTime() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account(usdt: "100000", btc: "10")
        let bob = try await server.account(usdt: "50000", btc: "2")
        let funded = try await Self.updateTime(server, alice)
        #expect(funded > 1_700_000_000_000)

        // Asking again, and a refused order, change nothing.
        try await Task.sleep(for: .milliseconds(20))
        #expect(try await Self.updateTime(server, alice) == funded)
        let refused = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "100",
            "price": "40000"], as: alice)
        #expect(refused.status == 400, "\(refused.text)")
        #expect(try await Self.updateTime(server, alice) == funded)

        let buy = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.5",
            "price": "40000"], as: alice)
        let placed = try #require((buy.json as? [String: Any])?["transactTime"] as? Int, "\(buy.text)")
        #expect(try await Self.updateTime(server, alice) == placed, "the order locked USDT")

        try await Task.sleep(for: .milliseconds(20))
        let sell = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "SELL", "type": "MARKET", "quantity": "0.2"], as: bob)
        let traded = try #require((sell.json as? [String: Any])?["transactTime"] as? Int, "\(sell.text)")
        #expect(traded > placed)
        #expect(try await Self.updateTime(server, alice) == traded, "the maker's balances moved with the fill")
        #expect(try await Self.updateTime(server, bob) == traded)
    }
}
