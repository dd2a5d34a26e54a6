/// Climbs from a leaf to the root along a proof's path: at level `l` bit `l` of the index says
/// whether the running node is the right child (1) or the left (0); each sibling's sums must be
/// below 2^(64 + l), the most 2^l leaves of 64-bit balances can hold, and every addition is checked.
enum PathWalk {
    static func root(from leaf: Hash256, balances: [UInt64], index: UInt64, path: [PathStep],
                     hasher: inout TreeHasher) throws(VerificationFailure) -> (Hash256, [UInt128]) {
        var hash = leaf
        var sums = balances.map { UInt128($0) }
        for (level, sibling) in path.enumerated() {
            try checkRange(sibling.sums, level: level)
            let isRight = (index >> UInt64(level)) & 1 == 1
            hash = isRight
                ? hasher.node(level: level + 1, left: sibling.hash, leftSums: sibling.sums, right: hash, rightSums: sums)
                : hasher.node(level: level + 1, left: hash, leftSums: sums, right: sibling.hash, rightSums: sibling.sums)
            for asset in sums.indices {
                let (total, overflow) = sums[asset].addingReportingOverflow(sibling.sums[asset])
                guard !overflow else { throw .sumOverflow(level: level, asset: asset) }
                sums[asset] = total
            }
        }
        return (hash, sums)
    }

    private static func checkRange(_ sums: [UInt128], level: Int) throws(VerificationFailure) {
        let boundBits = 64 + level
        guard boundBits < UInt128.bitWidth else { return }
        let bound = UInt128(1) << UInt128(boundBits)
        if let asset = sums.indices.first(where: { sums[$0] >= bound }) {
            throw .siblingSumOutOfRange(level: level, asset: asset)
        }
    }
}
