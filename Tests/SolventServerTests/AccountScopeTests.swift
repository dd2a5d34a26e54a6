import Foundation
import Testing

/// Every user-scoped endpoint answers with the caller's own data only: another account's order
/// ids and client order ids are simply not found, and its trades never show.
@Suite(.serialized) struct AccountScopeTests {
    @Test func anotherAccountsOrdersAndTradesAreInvisible() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let bob = try await server.account()
        let carol = try await server.account()
        let order = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.01",
            "price": "50000", "newClientOrderId": "alice-1"], as: alice)
        #expect(order.status == 200, "\(order.text)")
        let orderId = String((order.json as! [String: Any])["orderId"] as! Int)
        let sell = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "SELL", "type": "MARKET", "quantity": "0.004"], as: carol)
        #expect(sell.status == 200, "\(sell.text)")

        let byId = try await server.signed("GET", "/api/v3/order", ["symbol": "BTCUSDT", "orderId": orderId], as: bob)
        #expect(byId.code == -2013)
        let byClientId = try await server.signed("GET", "/api/v3/order", ["symbol": "BTCUSDT", "origClientOrderId": "alice-1"],
                                                 as: bob)
        #expect(byClientId.code == -2013)
        let cancel = try await server.signed("DELETE", "/api/v3/order", ["symbol": "BTCUSDT", "orderId": orderId], as: bob)
        #expect(cancel.code == -2011)
        let cancelAll = try await server.signed("DELETE", "/api/v3/openOrders", ["symbol": "BTCUSDT"], as: bob)
        #expect(cancelAll.code == -2011)
        for path in ["/api/v3/openOrders", "/api/v3/allOrders", "/api/v3/myTrades"] {
            let answer = try await server.signed("GET", path, ["symbol": "BTCUSDT"], as: bob)
            #expect(answer.status == 200 && (answer.json as? [Any])?.isEmpty == true, "\(path): \(answer.text)")
        }
        let mine = try await server.signed("GET", "/api/v3/allOrders", ["symbol": "BTCUSDT"], as: alice)
        #expect((mine.json as? [Any])?.count == 1)
        let myTrades = try await server.signed("GET", "/api/v3/myTrades", ["symbol": "BTCUSDT"], as: alice)
        #expect((myTrades.json as? [Any])?.count == 1)
        let stillOpen = try await server.signed("GET", "/api/v3/order", ["symbol": "BTCUSDT", "orderId": orderId], as: alice)
        #expect((stillOpen.json as? [String: Any])?["status"] as? String == "PARTIALLY_FILLED")
    }
}
