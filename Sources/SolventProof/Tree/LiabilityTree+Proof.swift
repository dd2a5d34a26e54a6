/// Why the tree cannot give a proof.
public enum ProofRequestError: Error, Hashable, Sendable {
    case unknownAccount(UInt64)
    /// The header names another epoch, root or asset list than this tree's.
    case headerDoesNotMatchTree
}

extension LiabilityTree {
    /// `accountId`'s proof against `header` (the signed header of this tree). O(height): reads
    /// stored hashes and sums, re-adds at most 8 leaves per lower level, recomputes padding hashes.
    public func proof(for accountId: UInt64, header: EpochHeader) throws(ProofRequestError) -> InclusionProof {
        guard header.epoch == epoch, header.rootHash == rootHash, header.assets == assets, header.height == height,
              header.rootSums == rootSums else { throw .headerDoesNotMatchTree }
        guard let leaf = leafIndex(of: accountId) else { throw .unknownAccount(accountId) }
        let slot = Int(leaf)
        let path = (0..<height).map { level in sibling(level: level, index: (slot >> level) ^ 1) }
        return InclusionProof(exchangeId: header.exchangeId, epoch: epoch, headerHash: header.hash, assets: assets,
                              leafIndex: leaf, leafHash: storedHash(level: 0, slot),
                              balances: Array(snapshot.balances(row: row(atLeaf: slot))), path: path)
    }

    private func sibling(level: Int, index: Int) -> PathStep {
        guard index < layout.nodeCount(level: level) else {
            return PathStep(hash: TreeHasher.padding(KeyedHash(key: paddingKey), level: level, index: UInt64(index)),
                            sums: [UInt128](repeating: 0, count: assets.count))
        }
        return PathStep(hash: storedHash(level: level, index), sums: sums(level: level, index))
    }

    private func storedHash(level: Int, _ index: Int) -> Hash256 {
        hashes.withUnsafeBytes { Hash256(loadingFrom: $0.baseAddress! + layout.hashOffset(level: level, index)) }
    }

    /// A real node's sums: stored from `sumLevelMin` up, re-added from its leaves below.
    private func sums(level: Int, _ index: Int) -> [UInt128] {
        if level >= layout.sumLevelMin {
            let start = layout.sumOffset(level: level, index)
            return Array(sums[start..<start + assets.count])
        }
        var total = [UInt128](repeating: 0, count: assets.count)
        let first = index << level
        for leaf in first..<min(first + (1 << level), accountCount) {
            for (asset, balance) in snapshot.balances(row: row(atLeaf: leaf)).enumerated() {
                total[asset] += UInt128(balance)
            }
        }
        return total
    }
}
