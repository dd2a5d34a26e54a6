import Foundation
import Testing
@testable import SolventServer

/// The hot wallet's floor tells the operator: a withdrawal the hot wallet cannot pay without
/// going below it waits, `GET /admin/v1/custody` names it, `/metrics` counts it, and a refill
/// pays it on the next pass.
@Suite(.serialized) struct HotWalletTests {
    private static func custody(_ server: TestServer) async throws -> [String: Any] {
        let answer = try await server.admin("GET", "/admin/v1/custody", [:])
        let rows = try #require(answer.json as? [[String: Any]], "\(answer.text)")
        return try #require(rows.first { $0["asset"] as? String == "BTC" }, "\(rows)")
    }

    @Test func aWithdrawalBelowTheFloorWaitsAndTheOperatorIsToldUntilARefillPaysIt() async throws {
        // Alice's bitcoin came by the operator's deposit: the hot wallet itself holds nothing yet.
        let (server, rpc, chain) = try await WalletTests.start(hotFloor: 20_000_000)
        defer { Task { await server.stop(); try? await chain.close() } }
        let alice = try await server.account(usdt: "1", btc: "1")
        let key = try await server.key(for: alice.id, permissions: "read,withdraw", ipAllowList: "127.0.0.1,::1")
        let outside = try rpc.withChain { try $0.newAddress(wallet: "outside", label: "payee") }
        let applied = try await server.signed("POST", "/sapi/v1/capital/withdraw/apply",
                                              ["coin": "BTC", "address": outside, "amount": "0.1"], as: key)
        #expect(applied.status == 200, "\(applied.text)")

        try await waitFor("the withdrawal to wait") { try await (Self.custody(server)["queued"] as? [Int])?.count == 1 }
        let waiting = try await Self.custody(server)
        #expect(waiting["needsRefill"] as? Bool == true && waiting["floor"] as? String == "0.20000000", "\(waiting)")
        #expect(waiting["hotBalance"] as? String == "0.00000000")
        #expect((waiting["incidents"] as? [String])?.first?.contains("below its floor") == true, "\(waiting)")
        let metrics = try await server.send("GET", "/metrics", on: .admin).text
        #expect(metrics.contains("solvent_custody_withdrawals_queued{asset=\"BTC\"} 1"), "\(metrics)")
        #expect(metrics.contains("solvent_custody_hot_wallet_needs_refill{asset=\"BTC\"} 1"))

        // The operator refills the hot wallet above its floor plus the payment.
        try rpc.withChain { chain in
            _ = try chain.send(from: "outside", to: try chain.newAddress(wallet: "hot", label: "refill"),
                               amount: 50_000_000, comment: "")
        }
        try await waitFor("the withdrawal to be paid") { try await (Self.custody(server)["queued"] as? [Int])?.isEmpty == true }
        let paid = try await Self.custody(server)
        #expect(paid["needsRefill"] as? Bool == false, "\(paid)")
        let after = try await server.send("GET", "/metrics", on: .admin).text
        #expect(after.contains("solvent_custody_withdrawals_queued{asset=\"BTC\"} 0"), "\(after)")
    }
}
