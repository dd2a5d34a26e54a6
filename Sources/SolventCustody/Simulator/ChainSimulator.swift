import SolventCore

/// `solvent chain`: one simulated chain per asset (BTC, ETH, USDT as a token), each with hot, cold
/// and outside-world wallets and its own RPC endpoint, the outside world funded by the first
/// 101 blocks. Which chains, and their figures, are written here once.
public struct ChainSimulatorSpec: Sendable {
    public var symbol: String
    public var scale: Scale
    public var blockReward: Amount
    public var sendFee: Amount

    public static let wallets = ["hot", "cold", "outside"]
    /// Blocks mined at start: enough that every early reward is spendable on a real regtest too.
    public static let fundingBlocks = 101

    public static let standard: [ChainSimulatorSpec] = [
        ChainSimulatorSpec(symbol: "BTC", scale: 8, blockReward: 50 * 100_000_000, sendFee: 1_000),
        ChainSimulatorSpec(symbol: "ETH", scale: 8, blockReward: 1_000 * 100_000_000, sendFee: 10_000),
        ChainSimulatorSpec(symbol: "USDT", scale: 8, blockReward: 1_000_000 * 100_000_000, sendFee: 100_000),
    ]

    /// The chain after its funding blocks, behind its RPC handler.
    public func start(authorization: String) throws -> SimulatedChainRPC {
        let chain = SimulatedChain(symbol: symbol, scale: scale, wallets: Self.wallets, blockReward: blockReward,
                                   sendFee: sendFee)
        let rpc = try SimulatedChainRPC(chain: chain, minerWallet: "outside", authorization: authorization)
        let miner = rpc.minerAddress
        try rpc.withChain { chain in _ = try chain.mine(Self.fundingBlocks, to: miner) }
        return rpc
    }
}
