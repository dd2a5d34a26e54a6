import Foundation
@testable import SolventCustody
@testable import SolventServer
import SolventProof
import Testing

/// Proof of reserves through the real server with custody on a simulated BTC chain: the epoch's
/// reserves are the chain's wallet balances, each signed by its wallet, the attestation is served
/// beside the header and bound to it, and solvent-verify checks it.
@Suite(.serialized) struct ReserveAttestationTests {
    @Test func anEpochWithCustodyAttestsTheChainsBalances() async throws {
        let (server, rpc, chain) = try await WalletTests.start()
        defer { Task { await server.stop(); try? await chain.close() } }
        _ = try await server.account(usdt: "1000", btc: "1")
        _ = try await server.admin("POST", "/admin/v1/solvent/reserves", ["asset": "USDT", "amount": "2000"])
        // Configured figures count only where no chain carries the asset.
        _ = try await server.admin("POST", "/admin/v1/solvent/reserves", ["asset": "BTC", "amount": "99"])
        let hot = SimulatedWalletKey.reserveAddress(symbol: "BTC", wallet: "hot")
        let cold = SimulatedWalletKey.reserveAddress(symbol: "BTC", wallet: "cold")
        let miner = rpc.minerAddress
        try rpc.withChain { chain in
            _ = try chain.send(from: "outside", to: hot, amount: 120_000_000, comment: "")
            _ = try chain.send(from: "outside", to: cold, amount: 30_000_000, comment: "")
            _ = try chain.mine(1, to: miner)
            // Unconfirmed at the epoch: not counted.
            _ = try chain.send(from: "outside", to: hot, amount: 5_000_000, comment: "")
        }

        let header = try SignedEpochHeader(json: try await server.admin("POST", "/admin/v1/solvent/epoch", [:]).text)
        let served = try await server.send("GET", "/sapi/v1/solvent/reserves").text
        #expect(try await server.send("GET", "/sapi/v1/solvent/reserves", query: "epoch=1").text == served)
        #expect(try await server.send("GET", "/sapi/v1/solvent/reserves", query: "epoch=2").code == -9101)
        let attestation = try SignedReserveAttestation(json: Array(served.utf8)).attestation
        #expect(attestation.headerHash == header.hash && attestation.epoch == header.header.epoch)
        let btc = try #require(attestation.assets.first { $0.asset.symbol == "BTC" })
        #expect(btc.source == .chain)
        #expect(btc.wallets.map(\.wallet) == ["hot", "cold"] && btc.wallets.map(\.address) == [hot, cold])
        #expect(btc.wallets.map(\.balance) == [120_000_000, 30_000_000])
        for wallet in btc.wallets {
            let onChain = rpc.withChain { $0.balance(of: wallet.wallet, atHeight: Int64(wallet.height)) }
            #expect(Int64(wallet.balance) == onChain, "\(wallet.wallet) at \(wallet.height)")
        }
        let at = try #require(header.header.assets.firstIndex { $0.symbol == "BTC" })
        #expect(header.header.reserves[at] == 150_000_000, "the header's reserves are the attested sum")
        let usdt = try #require(attestation.assets.first { $0.asset.symbol == "USDT" })
        #expect(usdt.source == .configured && usdt.wallets.isEmpty)

        let key = (try await server.send("GET", "/sapi/v1/solvent/key").json as? [String: Any])?["publicKey"] as? String ?? ""
        let headerText = try await server.send("GET", "/sapi/v1/solvent/epoch").text
        let run = { (attestationText: String) in
            VerifyCommand.run(["--reserves", "r.json", "--header", "h.json", "--key", key]) { path in
                path == "r.json" ? Array(attestationText.utf8) : path == "h.json" ? Array(headerText.utf8) : nil
            }
        }
        let (code, output) = run(served)
        #expect(code == .validButUnverified, "USDT is a configured figure: \(output)")
        #expect(output.contains("BTC hot \(hot): 1.20000000") && output.contains("signature verified"), "\(output)")
        let tampered = served.replacingOccurrences(of: "\"balance\":\"1.20000000\"", with: "\"balance\":\"1.25000000\"")
        #expect(tampered != served)
        #expect(run(tampered).code == .invalid)
    }
}
