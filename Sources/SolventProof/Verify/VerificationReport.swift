/// What a valid proof establishes: the user's balances are in the signed epoch, and per asset
/// what the exchange owes in total against what it claims to hold.
public struct VerificationReport: Hashable, Sendable {
    public let header: EpochHeader
    public let headerHash: Hash256
    public let accountId: UInt64
    /// The slots of the user's two leaves.
    public let leafIndices: [UInt64]
    /// The user's balances (the sum of the two shares), in `header.assets` order and units.
    public let balances: [UInt64]
    public let chain: ChainStatus

    public var solvency: [AssetSolvency] { header.solvency }
    /// Reserves cover liabilities for every asset.
    public var isSolvent: Bool { solvency.allSatisfy(\.isSolvent) }
}

/// How the header relates to the one the user saw before.
public enum ChainStatus: Hashable, Sendable {
    /// No previous header was given.
    case notChecked
    /// The same header as before (the user checks again within one epoch).
    case sameHeader
    /// The next epoch, naming the previous header's hash.
    case linked(previousEpoch: UInt64)
    /// Newer by more than one epoch: newer is verified, the link needs the headers in between.
    case gap(previousEpoch: UInt64)
}
