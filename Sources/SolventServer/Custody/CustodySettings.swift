import SolventCore

/// How custody runs: how often the chains are read, how many confirmations a deposit and a
/// withdrawal need, how long a security change holds withdrawals back, and each asset's network
/// as the wallet API shows it.
public struct CustodySettings: Sendable {
    public var pollMilliseconds = 1_000
    public var confirmationsRequired = 2
    /// The withdrawal fee per asset symbol, in the asset's units (default: none configured = 0).
    public var withdrawalFees: [String: Amount] = [:]
    /// Withdrawals above this (units, per asset symbol) wait for an operator's approval.
    public var approvalThresholds: [String: Amount] = [:]
    /// Per asset symbol: the hot wallet's ceiling (its surplus is swept to the cold address), its
    /// floor (payments that would go below it wait), and the cold wallet's address, which the
    /// operator gives (a cold wallet's keys are not on the hot node).
    public var hotCeilings: [String: Amount] = [:]
    public var hotFloors: [String: Amount] = [:]
    public var coldAddresses: [String: String] = [:]
    /// A booked address's delay under allow-list-only and the lock after a security change (a new
    /// key, a re-enabled key, a new address, allow-list-only turned off), in ms: 24 h each.
    /// Each command that makes the change carries them, so a replay does not read today's settings.
    public var securityDelays = SecurityDelays(addressDelay: CustodySettings.day, withdrawalLock: CustodySettings.day)

    static let day: Timestamp = 24 * 60 * 60 * 1_000

    public init() {}

    /// The network id the wallet API names for an asset: its own chain for BTC and ETH, Ethereum
    /// for tokens.
    public static func network(of symbol: String) -> String {
        symbol == "BTC" || symbol == "ETH" ? symbol : "ETH"
    }
}
