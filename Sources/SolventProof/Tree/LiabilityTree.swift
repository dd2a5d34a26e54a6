/// One epoch's Merkle sum tree over every account's balances.
///
/// Level 0 holds the leaf slots, level `height` the root; node `j` of level `l` covers slots
/// `j·2^l ..< (j+1)·2^l`. Each account has two leaves, one per half of the tree, holding two
/// shares that add up to its balances (see `LeafPlacement`), at keyed-random positions; every
/// other slot belongs to a padding subtree, hashed with the epoch's padding key and summing to
/// zero. So a proof shows neither how many accounts there are nor who is next to whom, and a
/// sibling's sums are never one other account's balances (PROOF-FORMAT.md, "Privacy").
///
/// Memory: the tree shares the snapshot's arrays and adds, per account, its commitment (32 bytes),
/// two positions (16) and its first shares (8 × assets); per real node 40 bytes (index, hash),
/// and 16-byte sums per asset for levels ≥ 4 only. Lower sums are re-added from at most 8 leaves
/// when a proof asks for them.
public struct LiabilityTree: Sendable {
    public let assets: [ProofAsset]
    public let epoch: UInt64
    public let height: Int
    public let rootHash: Hash256
    /// Σ of every account's balance, per asset: the liabilities the header publishes.
    public let rootSums: [UInt128]

    let order: AccountOrder
    let placement: LeafPlacement
    /// Level 0: the leaves in slot order; `leafBalances[k × assets + a]` is leaf k's share of asset a.
    let leaves: TreeLevel
    let leafBalances: [UInt64]
    /// `levels[l − 1]` is level `l`, 1 … height.
    let levels: [TreeLevel]
    let paddingKey: Hash256

    public var accountCount: Int { order.sortedIds.count }

    /// The leaf slots of `accountId`'s two shares, or nil when the account is not in this tree.
    public func leafIndices(of accountId: UInt64) -> [UInt64]? {
        order.sortedIndex(of: accountId).map { Array(placement.positions[2 * $0..<2 * $0 + 2]) }
    }

    func level(_ level: Int) -> TreeLevel {
        level == 0 ? leaves : levels[level - 1]
    }
}
