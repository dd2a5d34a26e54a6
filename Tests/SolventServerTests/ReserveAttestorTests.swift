import Foundation
@testable import SolventCustody
import SolventProof
@testable import SolventServer
import Testing

/// Which wallets an epoch attests: every wallet of an asset's chain that its node holds (a
/// cold wallet kept offline is left out, understating the reserves, never failing the epoch);
/// an asset no chain carries keeps its configured figure; a chain with none of the wallets fails.
@Suite(.serialized) struct ReserveAttestorTests {
    static let cookie = "__cookie__:feedbeef"

    /// A data directory whose chain.url names one BTC chain holding `wallets`.
    static func attestor(wallets: [String]) async throws -> (ReserveAttestor, SimulatedChainRPC, ChainRPCServer) {
        let chain = SimulatedChain(symbol: "BTC", scale: 8, wallets: wallets + ["outside"], blockReward: 50 * 100_000_000,
                                   sendFee: 1_000)
        let rpc = try SimulatedChainRPC(chain: chain, minerWallet: "outside",
                                        authorization: try RPCCredentials.password(user: "__cookie__", password: "feedbeef").authorization())
        let miner = rpc.minerAddress
        try rpc.withChain { chain in _ = try chain.mine(3, to: miner) }
        let server = try await ChainRPCServer.start(rpc)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reserve-attestor-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let configuration = ServerConfiguration(dataDirectory: directory)
        try ChainEndpoints(urls: ["BTC": server.url]).write(to: configuration.chainURLsFile)
        try ChainEndpoints.writeCookie(cookie, to: configuration.chainCookieFile)
        return (try ReserveAttestor(configuration), rpc, server)
    }

    static let assets = [ProofAsset(symbol: "BTC", scale: 8)!, ProofAsset(symbol: "USDT", scale: 8)!]

    @Test func aWalletTheNodeDoesNotHoldIsLeftOutAndAnAssetWithoutAChainKeepsItsFigure() async throws {
        let (attestor, rpc, server) = try await Self.attestor(wallets: ["hot"])
        defer { Task { try? await server.close() } }
        let hot = SimulatedWalletKey.reserveAddress(symbol: "BTC", wallet: "hot")
        let miner = rpc.minerAddress
        try rpc.withChain { chain in
            _ = try chain.send(from: "outside", to: hot, amount: 42_000_000, comment: "")
            _ = try chain.mine(1, to: miner)
        }
        let (assets, reserves) = try await attestor.attest(Self.assets, exchangeOwned: [5, 0], configured: [999, 777],
                                                           exchangeId: "solvent", epoch: 1, previousHeaderHash: .zero)
        #expect(assets[0].source == .chain && assets[0].wallets.map(\.wallet) == ["hot"])
        #expect(assets[0].exchangeOwned == 5)
        #expect(assets[1].source == .configured && assets[1].wallets.isEmpty)
        #expect(reserves == [42_000_000, 777], "the chain's balance, not the configured 999")
    }

    @Test func aChainWithNoneOfTheWalletsFailsTheEpoch() async throws {
        let (attestor, _, server) = try await Self.attestor(wallets: ["treasury"])
        defer { Task { try? await server.close() } }
        await #expect(throws: ServerError.self) {
            _ = try await attestor.attest(Self.assets, exchangeOwned: [0, 0], configured: [0, 0], exchangeId: "solvent",
                                          epoch: 1, previousHeaderHash: .zero)
        }
    }
}
