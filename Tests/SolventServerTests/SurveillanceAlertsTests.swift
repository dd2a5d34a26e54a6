import Foundation
import Testing
@testable import SolventServer
import SolventWire

@Suite("Surveillance on the admin surface")
struct SurveillanceAlertsTests {
    /// Alice rests a sell and Bob, whom the operator linked to her, buys it: the trade is a wash
    /// trade, listed with its evidence, exported as CSV, counted in /metrics and in the day's report.
    @Test func washTradeBetweenLinkedAccountsIsListedWithItsEvidence() async throws {
        let (server, alice, bob) = try await Self.linkedPair()
        defer { Task { await server.stop() } }
        let (sellId, buyId) = try await Self.washTrade(server, seller: alice, buyer: bob)

        let listed = try await server.admin("GET", "/admin/v1/surveillance/alerts", ["kind": "WASH_TRADE"])
        let alerts = listed.json as? [[String: Any]] ?? []
        #expect(alerts.count == 1, "\(listed.text)")
        let alert = alerts.first ?? [:]
        #expect(alert["symbol"] as? String == "BTCUSDT")
        #expect(alert["accounts"] as? [Int] == [2, 1] && alert["orderIds"] as? [Int] == [buyId, sellId])
        #expect((alert["tradeIds"] as? [Int])?.count == 1 && alert["prices"] as? [String] == ["50000.00000000"])
        #expect(alert["quantity"] as? String == "0.01000000")

        let csv = try await server.admin("GET", "/admin/v1/surveillance/alerts", ["format": "csv"])
        #expect(csv.text.hasPrefix(SurveillanceRendering.csvHeader) && csv.text.contains(",WASH_TRADE,BTCUSDT,"))
        let metrics = try await server.send("GET", "/metrics", on: .admin)
        #expect(metrics.text.contains("solvent_surveillance_alerts_total{kind=\"WASH_TRADE\"} 1"), "\(metrics.text)")
        let report = try await server.admin("GET", "/admin/v1/surveillance/report", ["symbol": "BTCUSDT"])
        let day = (report.json as? [[String: Any]])?.first
        #expect(day?["trades"] as? Int == 1 && (day?["alerts"] as? [String: Int])?["WASH_TRADE"] == 1, "\(report.text)")
        let badKind = try await server.send("GET", "/admin/v1/surveillance/alerts", query: "kind=FRONT_RUNNING",
                                            headers: ["X-Solvent-Admin-Token": try server.adminToken()], on: .admin)
        #expect(badKind.status == 400)
    }

    /// A server whose operator linked its first two accounts, and those accounts.
    static func linkedPair() async throws -> (TestServer, TestAccount, TestAccount) {
        // Accounts 1 and 2 are the first two the server opens.
        let server = try await TestServer.start { _, configuration in
            configuration.surveillance.linkedAccounts = [[1, 2]]
        }
        let alice = try await server.account()
        let bob = try await server.account()
        #expect(alice.id == 1 && bob.id == 2)
        return (server, alice, bob)
    }

    /// `seller` rests a sell and `buyer` takes it: (sell order id, buy order id).
    static func washTrade(_ server: TestServer, seller: TestAccount, buyer: TestAccount) async throws -> (Int, Int) {
        let sell = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "SELL", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.01",
            "price": "50000"], as: seller)
        let buy = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.01"], as: buyer)
        #expect(sell.status == 200 && buy.status == 200, "\(sell.text) \(buy.text)")
        return ((sell.json as? [String: Any])?["orderId"] as? Int ?? 0, (buy.json as? [String: Any])?["orderId"] as? Int ?? 0)
    }

    @Test func reportDatesAreReadStrictly() throws {
        #expect(try SurveillanceEndpoints.parseDay("1970-01-02") == 1)
        #expect(try SurveillanceEndpoints.parseDay("2023-11-15") == 19_676)
        for bad in ["2023-02-30", "2023-13-01", "2023-1-15", "20231115", "1969-12-31", "2023-11-15T00"] {
            #expect(throws: BinanceError.self, "\(bad)") { try SurveillanceEndpoints.parseDay(bad) }
        }
    }
}
