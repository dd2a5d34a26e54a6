import Foundation
import Testing
@testable import SolventCustody
import SolventCore

@Suite("solvent chain's RPC over real HTTP on loopback")
struct ChainRPCServerTests {
    @Test func theAdapterTalksToTheSimulatorOverHTTP() async throws {
        let credentials = RPCCredentials.password(user: "__cookie__", password: "feedface")
        let btc = try #require(ChainSimulatorSpec.standard.first { $0.symbol == "BTC" })
        let rpc = try btc.start(authorization: try credentials.authorization())
        let server = try await ChainRPCServer.start(rpc)
        let adapter = BitcoinRPCAdapter(poster: NIOHTTPPoster(host: "127.0.0.1", port: server.port),
                                        credentials: credentials, wallet: "hot")
        #expect(try await adapter.tip().height == Int64(ChainSimulatorSpec.fundingBlocks))
        let address = try await adapter.newAddress(label: "solvent:3")
        let txid = try rpc.withChain { try $0.send(from: "outside", to: address, amount: 7, comment: "") }
        let scan = try await adapter.transfers(since: nil, confirmationsTarget: 1)
        #expect(scan.transfers.contains { $0.outpoint.txid == txid && $0.amount == 7 && $0.label == "solvent:3" })
        let refused = BitcoinRPCAdapter(poster: NIOHTTPPoster(host: "127.0.0.1", port: server.port),
                                        credentials: .password(user: "__cookie__", password: "wrong"), wallet: "hot")
        await #expect(throws: JSONRPCClient.Failure.unauthorized) { try await refused.balance() }
        try await server.close()
    }

    @Test func theEndpointsFileRoundTripsAndABadOneIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chain-\(UUID().uuidString).url").path
        let endpoints = ChainEndpoints(urls: ["BTC": "http://127.0.0.1:1", "ETH": "http://127.0.0.1:2"])
        try endpoints.write(to: path)
        #expect(try ChainEndpoints.read(from: path) == endpoints)
        try "BTC ftp://x\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ChainEndpoints.Malformed.self) { try ChainEndpoints.read(from: path) }
        #expect(throws: ChainEndpoints.Malformed.self) { try ChainEndpoints.read(from: path + ".missing") }
    }
}
