import Foundation
import Testing
@testable import SolventServer

/// Jurisdictions through a real server: the operator's endpoints, an order refused and an open
/// buy cancelled by a ruling, a ruling that waits for its effective time, and exchangeInfo as the
/// signed account sees it while the public answer stays as it was.
@Suite("Jurisdictions through the server")
struct JurisdictionAdminTests {
    private let decision = ["operator": "carol", "reason": "regulator's order"]

    private func order(_ server: TestServer, _ account: TestAccount, _ side: String, price: String) async throws -> HTTPAnswer {
        try await server.signed("POST", "/api/v3/order", ["symbol": "BTCUSDT", "side": side, "type": "LIMIT",
                                                          "timeInForce": "GTC", "price": price, "quantity": "0.001"], as: account)
    }

    private func openOrderCount(_ server: TestServer, _ account: TestAccount) async throws -> Int {
        let open = try await server.signed("GET", "/api/v3/openOrders", ["symbol": "BTCUSDT"], as: account)
        return (open.json as? [[String: Any]])?.count ?? -1
    }

    private static func withoutServerTime(_ text: String) -> String {
        text.replacingOccurrences(of: #""serverTime":[0-9]+"#, with: "", options: .regularExpression)
    }

    @Test func aRulingRefusesBuysCancelsOpenOnesAndShowsInTheSignedExchangeInfo() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let bob = try await server.account()
        let publicBefore = try await server.send("GET", "/api/v3/exchangeInfo")
        _ = try await server.admin("POST", "/admin/v1/account/jurisdiction",
                                   decision.merging(["account": String(alice.id), "jurisdiction": "US-NY"]) { $1 })

        // Bad input: one line each, naming what is wrong.
        let token = ["X-Solvent-Admin-Token": try server.adminToken()]
        for (path, parameters, code) in [
            ("/admin/v1/account/jurisdiction", ["account": "99", "jurisdiction": "US"], -1000),
            ("/admin/v1/account/jurisdiction", ["account": String(alice.id), "jurisdiction": "XX"], -1130),
            ("/admin/v1/asset/ruling", ["asset": "DOGE", "jurisdiction": "US", "status": "BLOCKED", "reference": "C-1"], -4018),
            ("/admin/v1/asset/ruling", ["asset": "BTC", "jurisdiction": "US", "status": "BANNED", "reference": "C-1"], -1130),
            ("/admin/v1/asset/ruling", ["asset": "BTC", "jurisdiction": "US", "status": "BLOCKED"], -1102),
        ] {
            let answer = try await server.send("POST", path, query: TestServer.query(decision.merging(parameters) { $1 }),
                                               headers: token, on: .admin)
            #expect(answer.status == 400 && (answer.json as? [String: Any])?["code"] as? Int == code, "\(path) \(parameters): \(answer.text)")
            #expect(!answer.text.contains("\n"))
        }

        #expect(try await order(server, alice, "BUY", price: "100").status == 200)
        #expect(try await order(server, bob, "BUY", price: "100").status == 200)
        _ = try await server.admin("POST", "/admin/v1/asset/ruling", decision.merging(
            ["asset": "BTC", "jurisdiction": "US", "status": "SELL_AND_WITHDRAW_ONLY", "reference": "SEC 24-cv-77"]) { $1 })
        try await waitFor("alice's buy to be cancelled") { try await openOrderCount(server, alice) == 0 }
        #expect(try await openOrderCount(server, bob) == 1, "bob has no jurisdiction")

        let refused = try await order(server, alice, "BUY", price: "100")
        #expect(refused.status == 400 && (refused.json as? [String: Any])?["code"] as? Int == -4401, "\(refused.text)")
        #expect(try await order(server, alice, "SELL", price: "200").status == 200, "selling stays allowed")

        let signed = try await server.signed("GET", "/api/v3/exchangeInfo", [:], as: alice)
        let symbol = try #require(((signed.json as? [String: Any])?["symbols"] as? [[String: Any]])?.first, "\(signed.text)")
        #expect(symbol["allowedOrderSides"] as? [String] == ["SELL"])
        #expect(symbol["jurisdictionStatus"] as? String == "SELL_AND_WITHDRAW_ONLY")
        #expect(symbol["isSpotTradingAllowed"] as? Bool == true)
        let keyed = try await server.send("GET", "/api/v3/exchangeInfo", headers: ["X-MBX-APIKEY": bob.apiKey])
        let bobs = try #require(((keyed.json as? [String: Any])?["symbols"] as? [[String: Any]])?.first, "\(keyed.text)")
        #expect(bobs["allowedOrderSides"] as? [String] == ["BUY", "SELL"] && bobs["jurisdictionStatus"] as? String == "ALLOWED")
        let publicAfter = try await server.send("GET", "/api/v3/exchangeInfo")
        #expect(Self.withoutServerTime(publicAfter.text) == Self.withoutServerTime(publicBefore.text), "the public answer is unchanged")
        #expect(!publicAfter.text.contains("allowedOrderSides"))

        let rulings = try await server.admin("GET", "/admin/v1/rulings", [:]).json as? [String: Any]
        let inForce = try #require(rulings?["inForce"] as? [[String: Any]])
        #expect(inForce.count == 1 && inForce.first?["reference"] as? String == "SEC 24-cv-77")
        #expect(inForce.first?["status"] as? String == "SELL_AND_WITHDRAW_ONLY" && inForce.first?["operator"] as? String == "carol")
        #expect((rulings?["history"] as? [[String: Any]])?.count == 1)
        let published = try await server.send("GET", "/sapi/v1/solvent/rulings")
        let operators = try await server.admin("GET", "/admin/v1/rulings", [:])
        #expect(published.status == 200 && published.text == operators.text, "anyone reads the same rulings: \(published.text)")
    }

    @Test func aRulingWaitsForItsEffectiveTimeThenCancelsWithTheNextCommand() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try await server.account()
        let bob = try await server.account()
        _ = try await server.admin("POST", "/admin/v1/account/jurisdiction",
                                   decision.merging(["account": String(alice.id), "jurisdiction": "FR"]) { $1 })
        // Room for a loaded machine (the whole suite runs in parallel) between setting the ruling
        // and alice's order before it: seconds have passed between two requests there.
        let effective = Int64(Date().timeIntervalSince1970 * 1_000) + 15_000
        _ = try await server.admin("POST", "/admin/v1/asset/ruling", decision.merging(
            ["asset": "BTC", "jurisdiction": "FR", "status": "BLOCKED", "reference": "AMF 2026-12",
             "effectiveTime": String(effective)]) { $1 })
        let sell = try await order(server, alice, "SELL", price: "200")
        let early = effective - Int64(Date().timeIntervalSince1970 * 1_000)
        #expect(sell.status == 200, "before the effective time alice still trades (answered \(early) ms before it): \(sell.text)")
        let rulings = try await server.admin("GET", "/admin/v1/rulings", [:]).json as? [String: Any]
        #expect((rulings?["inForce"] as? [[String: Any]])?.isEmpty == true)
        let left = effective + 200 - Int64(Date().timeIntervalSince1970 * 1_000)
        if left > 0 { try await Task.sleep(nanoseconds: UInt64(left) * 1_000_000) }
        #expect(try await order(server, bob, "BUY", price: "100").status == 200, "any command after the time enforces it")
        try await waitFor("alice's sell to be cancelled") { try await openOrderCount(server, alice) == 0 }
        let refused = try await order(server, alice, "SELL", price: "200")
        #expect((refused.json as? [String: Any])?["code"] as? Int == -4401, "\(refused.text)")
    }
}

extension JurisdictionAdminTests {
    /// The web page signed in sends its session cookie and no key: exchangeInfo then shows the
    /// session's account what it may trade, as a signed request would; a session that has ended
    /// gets the public answer, never an error, since the endpoint is public.
    @Test func theSignedInPageSeesItsAccountsViewOfExchangeInfo() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var page = PageBrowser(server)
        #expect(try await page.enter("signup", login: "dana", password: WebUserTests.password).status == 200)
        let account = try #require(page.account)
        _ = try await server.admin("POST", "/admin/v1/account/jurisdiction",
                                   decision.merging(["account": String(account), "jurisdiction": "US"]) { $1 })
        _ = try await server.admin("POST", "/admin/v1/asset/ruling", decision.merging(
            ["asset": "BTC", "jurisdiction": "US", "status": "SELL_AND_WITHDRAW_ONLY", "reference": "SEC 24-cv-77"]) { $1 })

        let seen = try await page.send("GET", "/api/v3/exchangeInfo", csrf: .some(nil))
        let symbol = try #require(((seen.json as? [String: Any])?["symbols"] as? [[String: Any]])?.first, "\(seen.text)")
        #expect(symbol["allowedOrderSides"] as? [String] == ["SELL"], "\(seen.text)")
        #expect(symbol["jurisdictionStatus"] as? String == "SELL_AND_WITHDRAW_ONLY")

        var ended = page
        ended.cookie = String(repeating: "0", count: 64)
        let stale = try await ended.send("GET", "/api/v3/exchangeInfo")
        #expect(stale.status == 200 && !stale.text.contains("allowedOrderSides"), "\(stale.text)")
    }
}
