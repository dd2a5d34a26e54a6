extension LiabilityTree {
    /// Builds epoch `epoch`'s tree over `snapshot`, with `2^height` leaf slots.
    ///
    /// Deterministic in (snapshot contents, epoch, height, secrets): the snapshot's row order does
    /// not matter, no clock or system randomness is read, and `threads` only split the work into
    /// disjoint ranges. Throws on a duplicate account id or more accounts than the tree takes.
    public static func build(_ snapshot: LiabilitySnapshot, epoch: UInt64, height: Int,
                             secrets: TreeSecrets, threads: Int = 2) throws(TreeBuildError) -> LiabilityTree {
        guard (ProofFormat.heightMin...ProofFormat.heightMax).contains(height) else { throw .heightOutOfRange(height) }
        let capacity = UInt64(1) << UInt64(height - 2)
        let count = snapshot.accountCount
        guard UInt64(count) <= capacity, count < Int(UInt32.max) else {
            throw .tooManyAccounts(count: count, capacity: capacity)
        }
        let threads = max(1, threads)
        let order = try AccountOrder(snapshot.accountIds)
        let placement = LeafPlacement(snapshot: snapshot, order: order, epoch: epoch, height: height,
                                      secrets: secrets, threads: threads)
        let paddingKey = secrets.paddingKey(epoch: epoch)
        let (leaves, balances) = LeafLevel.build(snapshot: snapshot, order: order, placement: placement,
                                                 epoch: epoch, threads: threads)
        let assetCount = snapshot.assets.count
        let levels = TreeLevels.build(leaves: leaves, leafSums: balances.map { UInt128($0) }, height: height,
                                      assetCount: assetCount, paddingKey: paddingKey, threads: threads)
        let top = levels[height - 1]
        let (rootHash, rootSums) = top.count == 1
            ? (top.hashes[0], top.sums)
            : (TreeHasher.padding(KeyedHash(key: paddingKey), level: height, index: 0),
               [UInt128](repeating: 0, count: assetCount))
        return LiabilityTree(assets: snapshot.assets, epoch: epoch, height: height, rootHash: rootHash,
                             rootSums: rootSums, order: order, placement: placement, leaves: leaves,
                             leafBalances: balances, levels: levels, paddingKey: paddingKey)
    }
}

/// Level 0: every share's leaf, in slot order.
enum LeafLevel {
    static func build(snapshot: LiabilitySnapshot, order: AccountOrder, placement: LeafPlacement, epoch: UInt64,
                      threads: Int) -> (TreeLevel, [UInt64]) {
        let assets = snapshot.assets.count
        // (slot, 2 × account in id order + share), sorted by slot.
        let owners = placement.positions.enumerated().map { (slot: $0.element, owner: UInt32($0.offset)) }
            .sorted { $0.slot < $1.slot }
        let count = owners.count
        var hashes = [Hash256](repeating: .zero, count: count)
        var balances = [UInt64](repeating: 0, count: count * assets)
        hashes.withUnsafeMutableBufferPointer { hashBuffer in
            balances.withUnsafeMutableBufferPointer { balanceBuffer in
                let outHashes = SharedPointer(base: hashBuffer.baseAddress!)
                let outBalances = SharedPointer(base: balanceBuffer.baseAddress!)
                Parallel.forEachChunk(count: count, threads: threads) { range in
                    var hasher = TreeHasher(assetCount: assets)
                    for leaf in range {
                        let sorted = Int(owners[leaf].owner) / 2
                        let share = Int(owners[leaf].owner) % 2
                        let total = snapshot.balances(row: order.row(ofSorted: sorted))
                        let out = outBalances.base + leaf * assets
                        for (asset, balance) in total.enumerated() {
                            let first = placement.firstShares[sorted * assets + asset]
                            out[asset] = share == 0 ? first : balance - first
                        }
                        outHashes.base[leaf] = hasher.leaf(epoch: epoch, index: owners[leaf].slot,
                                                           commitment: placement.commitments[sorted],
                                                           balances: UnsafePointer(out))
                    }
                }
            }
        }
        return (TreeLevel(indices: owners.map(\.slot), hashes: hashes, sums: []), balances)
    }
}
