/// One epoch's Merkle sum tree over every account's balances.
///
/// Level 0 holds the leaves, level `height` the root; node `j` of level `l` covers leaf slots
/// `j·2^l ..< (j+1)·2^l`. The `accountCount` real leaves fill slots `0 ..< accountCount` in an
/// order shuffled by the epoch's secret; every other slot belongs to a padding subtree, hashed
/// with the epoch's padding key and summing to zero, so the header reveals only `2^height`.
/// (A proof's owner sees zero-sum siblings on their own path, which tells them roughly how many
/// accounts there are; sibling sums are revealed by design, so proofs go to their owners only.)
///
/// Memory: the tree shares the snapshot's arrays (8 + 8 × assets bytes per account) and adds
/// 32 bytes per stored node (≈ 64 per account), two 4-byte permutations per account, and 16-byte
/// sums per asset for levels ≥ 4 only (≈ 2 × assets bytes per account). Sums of lower levels are
/// re-added from at most 8 leaves when a proof asks for them.
public struct LiabilityTree: Sendable {
    public let assets: [ProofAsset]
    public let epoch: UInt64
    public let height: Int
    public let rootHash: Hash256
    /// Σ of every account's balance, per asset: the liabilities the header publishes.
    public let rootSums: [UInt128]

    let snapshot: LiabilitySnapshot
    let order: AccountOrder
    /// `leafOfSorted[i]`: the leaf slot of the i-th account in id order; `sortedAtLeaf` is its inverse.
    let leafOfSorted: [UInt32]
    let sortedAtLeaf: [UInt32]
    let layout: TreeLayout
    /// 32 bytes per stored node, level after level (see `TreeLayout`).
    let hashes: [UInt8]
    /// `assets.count` sums per stored node of levels ≥ `layout.sumLevelMin`.
    let sums: [UInt128]
    let paddingKey: Hash256

    public var accountCount: Int { order.sortedIds.count }

    /// The leaf slot of `accountId`, or nil when the account is not in this tree.
    public func leafIndex(of accountId: UInt64) -> UInt64? {
        order.sortedIndex(of: accountId).map { UInt64(leafOfSorted[$0]) }
    }

    /// The snapshot row whose balances sit in leaf slot `leaf`.
    func row(atLeaf leaf: Int) -> Int {
        order.row(ofSorted: Int(sortedAtLeaf[leaf]))
    }
}
