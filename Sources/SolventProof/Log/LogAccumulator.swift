/// Appends leaves to an RFC 9162 log in O(log n) memory: the "frontier" (compact range
/// [0, n)) of one complete subtree root per set bit of `size`, largest first.
///
/// Appending a leaf merges equal-sized subtrees the way a binary counter carries, so a leaf
/// costs one leaf hash plus, on average, one node hash. `completed` reports every subtree the
/// merge finished, which lets `LogTree` keep the roots it will need for proofs.
public struct LogAccumulator: Sendable {
    /// Complete subtree roots, largest (leftmost) first; subtree i has 2^level(i) leaves.
    private(set) var frontier: [LogHash] = []
    public private(set) var size: UInt64 = 0

    public init() {}

    /// Appends one leaf hash; `completed(level, index, hash)` sees each completed subtree of
    /// level ≥ 1 (index = its position among the subtrees of that level).
    public mutating func append(_ leaf: LogHash, completed: (Int, UInt64, LogHash) -> Void = { _, _, _ in }) {
        var hash = leaf
        var level = 0
        // Each trailing one bit of size is a subtree of that level waiting for its right sibling.
        while (size >> UInt64(level)) & 1 == 1 {
            hash = LogHasher.node(frontier.removeLast(), hash)
            level += 1
            completed(level, (size + 1) >> UInt64(level) - 1, hash)
        }
        frontier.append(hash)
        size += 1
    }

    /// The root of the log so far: the frontier folded from the right (RFC 9162 MTH).
    public var root: LogHash {
        guard var hash = frontier.last else { return LogHasher.emptyRoot }
        for left in frontier.dropLast().reversed() { hash = LogHasher.node(left, hash) }
        return hash
    }
}
