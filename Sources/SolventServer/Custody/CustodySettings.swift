import SolventCore

/// How custody runs: how often the chains are read, how many confirmations a deposit and a
/// withdrawal need, and each asset's network as the wallet API shows it.
public struct CustodySettings: Sendable {
    public var pollMilliseconds = 1_000
    public var confirmationsRequired = 2
    /// The withdrawal fee per asset symbol, in the asset's units (default: none configured = 0).
    public var withdrawalFees: [String: Amount] = [:]
    /// Withdrawals above this (units, per asset symbol) wait for an operator's approval.
    public var approvalThresholds: [String: Amount] = [:]

    public init() {}

    /// The network id the wallet API names for an asset: its own chain for BTC and ETH, Ethereum
    /// for tokens.
    public static func network(of symbol: String) -> String {
        symbol == "BTC" || symbol == "ETH" ? symbol : "ETH"
    }
}
