import SolventCore
import SolventCustody

/// The demo's outside world: the simulator's chains, run in the demo's own process, whose
/// `outside` wallet pays the page's "send a simulated deposit". Only `solvent demo` sets
/// `ServerConfiguration.simulatedDeposits` (it is no setting of the configuration file or the
/// environment), so on `serve` the endpoints that use it are never bound and answer 404.
public struct SimulatedDeposits: Sendable {
    /// The simulator's chain per asset symbol.
    let chains: [String: SimulatedChainRPC]

    /// The wallet of the simulator that plays everyone outside the exchange.
    static let outsideWallet = "outside"

    /// Whole coins one simulated deposit sends, per asset symbol: enough to trade with, small
    /// beside what the outside world was funded with.
    static let coins: [String: Int64] = ["BTC": 1, "ETH": 10, "USDT": 1_000]

    public init(chains: [String: SimulatedChainRPC]) {
        self.chains = chains
    }

    /// Pays one simulated deposit of `symbol` (in units of `scale`) to `address`, which must be
    /// one of the exchange's hot-wallet addresses on that chain; the transaction's id, or nil
    /// when the chain, the address or the outside world's funds do not allow it.
    func send(_ symbol: String, scale: Scale, to address: String) -> (txid: String, amount: Amount)? {
        guard let rpc = chains[symbol], let coins = Self.coins[symbol] else { return nil }
        var amount: Amount = coins
        for _ in 0..<scale { amount *= 10 }
        return rpc.withChain { (chain: inout SimulatedChain) -> (txid: String, amount: Amount)? in
            guard chain.wallet(of: address) == "hot",
                  let txid = try? chain.send(from: Self.outsideWallet, to: address, amount: amount, comment: "simulated deposit")
            else { return nil }
            return (txid, amount)
        }
    }
}
