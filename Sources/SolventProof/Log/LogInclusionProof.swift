/// That one leaf is at `index` in the log's first `size` leaves: the sibling hashes from the
/// leaf up to the root (RFC 9162 §2.1.3), deepest first.
public struct LogInclusionProof: Hashable, Sendable {
    public var index: UInt64
    public var size: UInt64
    public var path: [LogHash]

    public init(index: UInt64, size: UInt64, path: [LogHash]) {
        self.index = index
        self.size = size
        self.path = path
    }

    /// Checks that `leaf` (a leaf hash) at `index` leads to `root` (RFC 9162 §2.1.3.2).
    public func verify(leaf: LogHash, root: LogHash) throws(LogProofError) {
        let computed = try rootFrom(leaf: leaf)
        guard computed == root else { throw .rootMismatch(computed: computed, expected: root) }
    }

    /// The root the path leads to from `leaf`.
    public func rootFrom(leaf: LogHash) throws(LogProofError) -> LogHash {
        guard index < size else { throw .indexBeyondSize(index: index, size: size) }
        let expected = Self.pathLength(index: index, size: size)
        guard path.count == expected else { throw .wrongPathLength(expected: expected, actual: path.count) }
        var fn = index
        var sn = size - 1
        var hash = leaf
        for sibling in path {
            if fn & 1 == 1 || fn == sn {
                hash = LogHasher.node(sibling, hash)
                // A right edge: the levels where this node has no sibling are skipped.
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                hash = LogHasher.node(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        assert(sn == 0, "a path of the expected length reaches the root")
        return hash
    }

    /// How many hashes PATH(index, D[size]) holds: one per split on the way down.
    public static func pathLength(index: UInt64, size: UInt64) -> Int {
        var m = index
        var n = size
        var length = 0
        while n > 1 {
            let k = LogMath.split(n)
            if m < k {
                n = k
            } else {
                m -= k
                n -= k
            }
            length += 1
        }
        return length
    }
}
