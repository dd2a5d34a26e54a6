import Crypto
import Foundation
@testable import SolventServer
import SolventProof
import Testing

/// Proof of liabilities through the real server: accounts trade, the operator publishes an
/// epoch, each user fetches their own proof with a signed request and verifies it with the
/// standalone verifier's logic against the published key.
@Suite(.serialized) struct ProofEndToEndTests {
    static func dictionary(_ answer: HTTPAnswer) -> [String: Any] { answer.json as? [String: Any] ?? [:] }

    /// Two traders with a fill between them, reserves set, one epoch published.
    static func tradedServer() async throws -> (TestServer, TestAccount, TestAccount) {
        let server = try await TestServer.start()
        let alice = try await server.account(usdt: "100000", btc: "10", permissions: "read,trade,proof")
        let bob = try await server.account(usdt: "50000", btc: "2", permissions: "read,trade,proof")
        let buy = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.5",
            "price": "40000"], as: alice)
        #expect(buy.status == 200, "\(buy.text)")
        let sell = try await server.signed("POST", "/api/v3/order", [
            "symbol": "BTCUSDT", "side": "SELL", "type": "MARKET", "quantity": "0.2"], as: bob)
        #expect(sell.status == 200, "\(sell.text)")
        _ = try await server.admin("POST", "/admin/v1/solvent/reserves", ["asset": "BTC", "amount": "12"])
        _ = try await server.admin("POST", "/admin/v1/solvent/reserves", ["asset": "USDT", "amount": "150000"])
        return (server, alice, bob)
    }

    /// The files solvent-verify would read, and its outcome.
    static func runVerify(proof: String, header: String, key: String, secret: String, account: Int,
                          previous: String? = nil) -> VerifyCommand.ExitCode {
        let files = ["proof.json": proof, "header.json": header, "previous.json": previous ?? ""]
        var arguments = ["--proof", "proof.json", "--header", "header.json", "--key", key, "--secret", secret,
                         "--account", String(account)]
        if previous != nil { arguments += ["--previous", "previous.json"] }
        return VerifyCommand.run(arguments) { files[$0].map { Array($0.utf8) } }.code
    }

    @Test func ownProofVerifiesAsSolventAndAnotherKeyGetsOnlyItsOwn() async throws {
        let (server, alice, bob) = try await Self.tradedServer()
        defer { Task { await server.stop() } }
        let header = try await server.admin("POST", "/admin/v1/solvent/epoch", [:]).text
        let key = Self.dictionary(try await server.send("GET", "/sapi/v1/solvent/key"))["publicKey"] as! String
        #expect(try await server.send("GET", "/sapi/v1/solvent/epoch").text == header)
        #expect(try await server.send("GET", "/sapi/v1/solvent/epoch", query: "epoch=1").text == header)

        let aliceProof = try await server.signed("GET", "/sapi/v1/solvent/proof", [:], as: alice)
        #expect(aliceProof.status == 200, "\(aliceProof.text)")
        let aliceSecret = Self.dictionary(try await server.signed("GET", "/sapi/v1/solvent/secret", [:], as: alice))
        #expect(aliceSecret["accountId"] as? Int == alice.id)
        let secret = aliceSecret["secret"] as! String
        let report = try ProofVerifier(publicKeyHex: key)!.verify(
            proof: Array(aliceProof.data), header: Array(header.utf8), accountId: UInt64(alice.id),
            secret: UserSecret(hex: secret)!)
        #expect(report.isSolvent)
        // 10 BTC + 0.2 bought, less the taker's... alice was the maker: 10.2 BTC less its fee.
        #expect(report.balances[0] > 10_00000000 && report.balances[0] <= 10_20000000)
        #expect(Self.runVerify(proof: aliceProof.text, header: header, key: key, secret: secret, account: alice.id)
            == .validAndSolvent)

        // Bob's signed request gets Bob's proof, whatever it asks; it does not open as Alice's.
        let bobProof = try await server.signed("GET", "/sapi/v1/solvent/proof", ["account": String(alice.id)], as: bob)
        #expect(bobProof.status == 200 && bobProof.text != aliceProof.text)
        let bobSecret = Self.dictionary(try await server.signed("GET", "/sapi/v1/solvent/secret", [:], as: bob))
        #expect(Self.runVerify(proof: bobProof.text, header: header, key: key, secret: bobSecret["secret"] as! String,
                               account: bob.id) == .validAndSolvent)
        #expect(Self.runVerify(proof: bobProof.text, header: header, key: key, secret: secret, account: alice.id)
            == .invalid)
        let unsigned = try await server.send("GET", "/sapi/v1/solvent/proof")
        #expect(unsigned.status != 200)
    }

    @Test func reservesBelowLiabilitiesGiveAValidButInsolventProof() async throws {
        let (server, alice, _) = try await Self.tradedServer()
        defer { Task { await server.stop() } }
        let first = try await server.admin("POST", "/admin/v1/solvent/epoch", [:]).text
        _ = try await server.admin("POST", "/admin/v1/solvent/reserves", ["asset": "BTC", "amount": "3.5"])
        let second = try await server.admin("POST", "/admin/v1/solvent/epoch", [:]).text
        let key = Self.dictionary(try await server.send("GET", "/sapi/v1/solvent/key"))["publicKey"] as! String
        let secret = Self.dictionary(try await server.signed("GET", "/sapi/v1/solvent/secret", [:], as: alice))["secret"]
            as! String
        let proof = try await server.signed("GET", "/sapi/v1/solvent/proof", [:], as: alice).text
        #expect(Self.runVerify(proof: proof, header: second, key: key, secret: secret, account: alice.id, previous: first)
            == .validButInsolvent)
        let old = try await server.signed("GET", "/sapi/v1/solvent/proof", ["epoch": "1"], as: alice).text
        // Each epoch has its own secret: the old epoch is checked with the old epoch's.
        let oldSecret = Self.dictionary(try await server.signed("GET", "/sapi/v1/solvent/secret", ["epoch": "1"], as: alice))
        #expect(Self.runVerify(proof: old, header: first, key: key, secret: secret, account: alice.id) == .invalid)
        #expect(Self.runVerify(proof: old, header: first, key: key, secret: oldSecret["secret"] as! String,
                               account: alice.id) == .validAndSolvent)
    }

    /// The secret opens every leaf of the account in its epoch: a read-only (or trading) key
    /// that leaks must not expose it, so only a key with the proof permission fetches it.
    @Test func theSecretTakesTheProofPermissionNotRead() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let reader = try await server.account(permissions: "read,trade")
        _ = try await server.admin("POST", "/admin/v1/solvent/epoch", [:])
        let refused = try await server.signed("GET", "/sapi/v1/solvent/secret", [:], as: reader)
        #expect(refused.status == 401 && refused.code == -2015, "\(refused.text)")
        #expect(try await server.signed("GET", "/sapi/v1/solvent/proof", [:], as: reader).status == 200)
        let opened = try await server.admin("POST", "/admin/v1/apiKey", ["account": String(reader.id), "permissions": "proof"])
        let proofKey = opened.json as! [String: Any]
        let prover = TestAccount(id: reader.id, apiKey: proofKey["apiKey"] as! String, secret: proofKey["secret"] as! String)
        let secret = try await server.signed("GET", "/sapi/v1/solvent/secret", [:], as: prover)
        #expect(secret.status == 200 && Self.dictionary(secret)["accountId"] as? Int == reader.id, "\(secret.text)")
        // The proof permission alone reads nothing else.
        #expect(try await server.signed("GET", "/api/v3/account", [:], as: prover).code == -2015)
    }

    @Test func badQuestionsGetBinanceErrors() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        #expect(try await server.send("GET", "/sapi/v1/solvent/epoch").code == -9100)
        _ = try await server.admin("POST", "/admin/v1/solvent/epoch", [:])
        #expect(try await server.send("GET", "/sapi/v1/solvent/epoch", query: "epoch=99").code == -9101)
        #expect(try await server.send("GET", "/sapi/v1/solvent/epoch", query: "epoch=abc").status == 400)
        #expect(try await server.send("GET", "/sapi/v1/solvent/inclusion", query: "sequence=1&size=999999").code == -9102)
        #expect(try await server.send("GET", "/sapi/v1/solvent/inclusion", query: "size=3").code == -1102)
        #expect(try await server.send("GET", "/sapi/v1/solvent/consistency", query: "first=5&second=2").code == -9102)
        let token = ["X-Solvent-Admin-Token": try server.adminToken()]
        #expect(try await server.send("GET", "/sapi/v1/solvent/records", query: "fromSequence=1&limit=5000",
                                      headers: token, on: .admin).code == -1130)
    }
}
