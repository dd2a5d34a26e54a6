extension LiabilityTree {
    /// Builds epoch `epoch`'s tree over `snapshot`, with `2^height` leaf slots.
    ///
    /// Deterministic in (snapshot contents, epoch, height, secrets): the snapshot's row order does
    /// not matter, no clock or system randomness is read, and `threads` only split the work into
    /// disjoint ranges. Throws on a duplicate account id or more accounts than slots.
    public static func build(_ snapshot: LiabilitySnapshot, epoch: UInt64, height: Int,
                             secrets: TreeSecrets, threads: Int = 2) throws(TreeBuildError) -> LiabilityTree {
        guard (1...ProofFormat.heightMax).contains(height) else { throw .heightOutOfRange(height) }
        let capacity = UInt64(1) << UInt64(height)
        let count = snapshot.accountCount
        guard UInt64(count) <= capacity, count <= Int(UInt32.max) else {
            throw .tooManyAccounts(count: count, capacity: capacity)
        }
        let order = try AccountOrder(snapshot.accountIds)
        let leafOfSorted = LeafShuffle.permutation(count: count, key: secrets.shuffleKey(epoch: epoch))
        let sortedAtLeaf = LeafShuffle.inverse(leafOfSorted)
        let layout = TreeLayout(accountCount: count, height: height, assetCount: snapshot.assets.count)
        let paddingKey = secrets.paddingKey(epoch: epoch)
        let leaves = LeafSource(snapshot: snapshot, order: order, sortedAtLeaf: sortedAtLeaf, epoch: epoch,
                                master: secrets.master)
        var levels = TreeLevels(layout: layout, paddingKey: paddingKey)
        levels.build(leaves: leaves, threads: max(1, threads))
        let (rootHash, rootSums) = levels.root()
        return LiabilityTree(assets: snapshot.assets, epoch: epoch, height: height, rootHash: rootHash,
                             rootSums: rootSums, snapshot: snapshot, order: order, leafOfSorted: leafOfSorted,
                             sortedAtLeaf: sortedAtLeaf, layout: layout, hashes: levels.hashes, sums: levels.sums,
                             paddingKey: paddingKey)
    }
}
