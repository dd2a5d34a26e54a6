/// Why the tree cannot give a proof.
public enum ProofRequestError: Error, Hashable, Sendable {
    case unknownAccount(UInt64)
    /// The header names another epoch, root or asset list than this tree's.
    case headerDoesNotMatchTree
}

extension LiabilityTree {
    /// `accountId`'s proof against `header` (the signed header of this tree): both its leaves,
    /// each with its path. O(height · log accounts): binary searches of stored levels, at most 8
    /// leaves re-added per lower level, padding hashes recomputed.
    public func proof(for accountId: UInt64, header: EpochHeader) throws(ProofRequestError) -> InclusionProof {
        guard header.epoch == epoch, header.rootHash == rootHash, header.assets == assets, header.height == height,
              header.rootSums == rootSums else { throw .headerDoesNotMatchTree }
        guard let slots = leafIndices(of: accountId) else { throw .unknownAccount(accountId) }
        let leaves = slots.map { slot in
            let at = self.leaves.position(of: slot)!
            return ProofLeaf(index: slot, hash: self.leaves.hashes[at], balances: leafBalances(at),
                             path: (0..<height).map { level in sibling(level: level, index: (slot >> UInt64(level)) ^ 1) })
        }
        return InclusionProof(exchangeId: header.exchangeId, epoch: epoch, headerHash: header.hash, assets: assets,
                              leaves: leaves)
    }

    private func leafBalances(_ at: Int) -> [UInt64] {
        Array(leafBalances[at * assets.count..<(at + 1) * assets.count])
    }

    private func sibling(level: Int, index: UInt64) -> PathStep {
        let nodes = self.level(level)
        guard let at = nodes.position(of: index) else {
            return PathStep(hash: TreeHasher.padding(KeyedHash(key: paddingKey), level: level, index: index),
                            sums: [UInt128](repeating: 0, count: assets.count))
        }
        return PathStep(hash: nodes.hashes[at], sums: sums(level: level, at: at, index: index))
    }

    /// A real node's sums: stored from `sumLevelMin` up, re-added from its leaves below.
    private func sums(level: Int, at: Int, index: UInt64) -> [UInt128] {
        let count = assets.count
        if level >= TreeLevels.sumLevelMin(height: height) {
            return Array(self.level(level).sums[at * count..<(at + 1) * count])
        }
        var total = [UInt128](repeating: 0, count: count)
        let first = index << UInt64(level)
        var leaf = leaves.lowerBound(first)
        while leaf < leaves.count, leaves.indices[leaf] < first + (1 << UInt64(level)) {
            for asset in 0..<count { total[asset] += UInt128(leafBalances[leaf * count + asset]) }
            leaf += 1
        }
        return total
    }
}
