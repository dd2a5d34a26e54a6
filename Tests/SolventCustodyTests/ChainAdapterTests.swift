import Foundation
import Testing
@testable import SolventCustody
import SolventCore

@Suite("The Bitcoin Core JSON-RPC adapter against the simulated chain")
struct ChainAdapterTests {
    @Test func depositsSendsAndBalancesAreReadExactly() async throws {
        let chain = try ChainFixture()
        let address = try await chain.adapter.newAddress(label: "solvent:7")
        let txid = try chain.pay(address, 12_345_678)
        var scan = try await chain.adapter.transfers(since: nil, confirmationsTarget: 3)
        let deposit = try #require(scan.transfers.first { $0.outpoint.txid == txid })
        #expect(deposit.direction == .received && deposit.amount == 12_345_678 && deposit.confirmations == 0)
        #expect(deposit.label == "solvent:7" && deposit.address == address)
        #expect(try await chain.adapter.confirmations(txid: txid) == 0)
        try chain.mine(3)
        #expect(try await chain.adapter.confirmations(txid: txid) == 3)
        #expect(try await chain.adapter.balance() == 12_345_678)

        let sent = try await chain.adapter.send(to: chain.outside, amount: 2_000_000, reference: "withdrawal:1")
        #expect(try await chain.adapter.sentTransaction(reference: "withdrawal:1") == sent)
        #expect(try await chain.adapter.sentTransaction(reference: "withdrawal:2") == nil)
        #expect(try await chain.adapter.balance() == 12_345_678 - 2_000_000 - 1_000)
        #expect(try await chain.adapter.confirmations(txid: "ffff") == nil)

        // The first scan's cursor sits 2 below the tip it saw, so the deposit mined after it is listed.
        scan = try await chain.adapter.transfers(since: scan.cursor, confirmationsTarget: 3)
        #expect(scan.transfers.contains { $0.outpoint.txid == txid })
        #expect(try await chain.adapter.tip().height == 104)
    }

    @Test func aReorgReportsTheRemovedTransfer() async throws {
        let chain = try ChainFixture()
        let address = try await chain.adapter.newAddress(label: "solvent:1")
        let txid = try chain.pay(address, 5_000)
        try chain.mine(1)
        let before = try await chain.adapter.transfers(since: nil, confirmationsTarget: 1)
        let miner = chain.rpc.minerAddress
        try chain.rpc.withChain { try $0.reorg(depth: 1, keepTransactions: false, minedTo: miner) }
        let after = try await chain.adapter.transfers(since: before.cursor, confirmationsTarget: 1)
        #expect(after.removed.contains { $0.outpoint.txid == txid })
        #expect(!after.transfers.contains { $0.outpoint.txid == txid && $0.confirmations >= 0 })
        #expect(try await chain.adapter.confirmations(txid: txid) == -1)
    }

    @Test func wrongCredentialsAndTheCookieFile() async throws {
        let chain = try ChainFixture()
        let wrong = BitcoinRPCAdapter(poster: InProcessPoster(rpc: chain.rpc),
                                      credentials: .password(user: "__cookie__", password: "nope"), wallet: "hot")
        await #expect(throws: JSONRPCClient.Failure.unauthorized) { try await wrong.tip() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cookie-\(UUID().uuidString)").path
        try Data((ChainFixture.cookie + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let cookie = BitcoinRPCAdapter(poster: InProcessPoster(rpc: chain.rpc), credentials: .cookieFile(path: path), wallet: "hot")
        #expect(try await cookie.tip().height == 101)
        let missing = BitcoinRPCAdapter(poster: InProcessPoster(rpc: chain.rpc), credentials: .cookieFile(path: path + "x"), wallet: "hot")
        await #expect(throws: RPCCredentials.Unreadable.self) { try await missing.tip() }
        let noWallet = BitcoinRPCAdapter(poster: InProcessPoster(rpc: chain.rpc), credentials: .cookieFile(path: path), wallet: "nowhere")
        await #expect(throws: JSONRPCClient.Failure.rpc(code: -18, message: "Requested wallet does not exist or is not loaded")) {
            try await noWallet.balance()
        }
    }
}
