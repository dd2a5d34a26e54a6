import Foundation
import SolventAudit
import SolventCore
import SolventCustody
import SolventServer

/// The simulated chains behind their RPC endpoints, as `solvent chain` runs them and `solvent
/// demo` runs them in its own process: each chain on a loopback port, the endpoints in
/// `<data>/chain.url` and the RPC cookie in `<data>/chain.cookie`, where the server's custody
/// looks for them.
struct ChainStation: Sendable {
    /// Per chain: its symbol, its RPC listener and the simulator behind it.
    let chains: [(symbol: String, server: ChainRPCServer, rpc: SimulatedChainRPC)]
    let directory: DataDirectory

    /// Starts every standard chain and writes their endpoints and cookie into `data`.
    static func start(data: String) async throws -> ChainStation {
        let directory = DataDirectory(data)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        var secret = SystemRandomNumberGenerator()
        let password = (0..<4).map { _ in String(secret.next(), radix: 16) }.joined()
        let authorization = try RPCCredentials.password(user: "__cookie__", password: password).authorization()
        var chains: [(symbol: String, server: ChainRPCServer, rpc: SimulatedChainRPC)] = []
        for spec in ChainSimulatorSpec.standard {
            let rpc = try spec.start(authorization: authorization)
            chains.append((spec.symbol, try await ChainRPCServer.start(rpc), rpc))
        }
        try ChainEndpoints.writeCookie("__cookie__:" + password, to: directory.chainCookie)
        try ChainEndpoints(urls: Dictionary(uniqueKeysWithValues: chains.map { ($0.symbol, $0.server.url) }))
            .write(to: directory.chainURLs)
        return ChainStation(chains: chains, directory: directory)
    }

    /// The simulators by symbol.
    var simulators: [String: SimulatedChainRPC] {
        Dictionary(uniqueKeysWithValues: chains.map { ($0.symbol, $0.rpc) })
    }

    /// One block on every chain, paid to each chain's miner (the outside world).
    func mineBlock() {
        for (_, _, rpc) in chains {
            let miner = rpc.minerAddress
            rpc.withChain { chain in _ = try? chain.mine(1, to: miner) }
        }
    }

    /// Sends `amounts` (units, by symbol) from the outside world to a fresh hot-wallet address of
    /// each chain, mining what the outside world lacks first, then confirms it: the demo's float,
    /// which the exchange holds against the balances it credited by operator deposit.
    func holdFloat(_ amounts: [String: Amount]) throws {
        for (symbol, _, rpc) in chains {
            guard let amount = amounts[symbol], amount > 0 else { continue }
            let miner = rpc.minerAddress
            try rpc.withChain { chain in
                while chain.balance(of: "outside") < amount + Self.floatFeeMargin { _ = try chain.mine(10, to: miner) }
                _ = try chain.send(from: "outside", to: try chain.newAddress(wallet: "hot", label: "float"), amount: amount,
                                   comment: "float")
                _ = try chain.mine(CustodySettings().confirmationsRequired, to: miner)
            }
        }
    }

    /// Room for the send's own fee on every chain.
    private static let floatFeeMargin: Amount = 100_000_000

    /// Closes the listeners and removes `chain.url`, so nothing points at them any more.
    func stop() async {
        try? FileManager.default.removeItem(atPath: directory.chainURLs)
        for (_, server, _) in chains { try? await server.close() }
    }
}
