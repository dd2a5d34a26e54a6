/// That the log's first `first` leaves are exactly the first `first` leaves of its first
/// `second`: nothing before `first` was edited, removed or reordered (RFC 9162 §2.1.4).
public struct LogConsistencyProof: Hashable, Sendable {
    public var first: UInt64
    public var second: UInt64
    public var path: [LogHash]

    public init(first: UInt64, second: UInt64, path: [LogHash]) {
        self.first = first
        self.second = second
        self.path = path
    }

    /// Checks the proof against both roots (RFC 9162 §2.1.4.2). The empty tree is a prefix of
    /// every tree; a tree is consistent with itself only if the roots are equal.
    public func verify(firstRoot: LogHash, secondRoot: LogHash) throws(LogProofError) {
        guard first <= second else { throw .sizesOutOfOrder(first: first, second: second) }
        let expected = Self.pathLength(first: first, second: second)
        guard path.count == expected else { throw .wrongPathLength(expected: expected, actual: path.count) }
        if first == 0 { return }
        if first == second {
            guard firstRoot == secondRoot else { throw .differentRootsAtSameSize(size: first) }
            return
        }
        let (older, newer) = roots(firstRoot: firstRoot)
        guard older == firstRoot else { throw .firstRootMismatch(computed: older, expected: firstRoot) }
        guard newer == secondRoot else { throw .secondRootMismatch(computed: newer, expected: secondRoot) }
    }

    /// Both roots the path rebuilds, for 0 < first < second and a path of the right length.
    private func roots(firstRoot: LogHash) -> (LogHash, LogHash) {
        // A first size that is a power of two is a complete subtree: its root starts the walk.
        var hashes = path[...]
        let seed = LogMath.isPowerOfTwo(first) ? firstRoot : hashes.removeFirst()
        var fn = first - 1
        var sn = second - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var older = seed
        var newer = seed
        for hash in hashes {
            if fn & 1 == 1 || fn == sn {
                older = LogHasher.node(hash, older)
                newer = LogHasher.node(hash, newer)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newer = LogHasher.node(newer, hash)
            }
            fn >>= 1
            sn >>= 1
        }
        assert(sn == 0, "a path of the expected length reaches the root")
        return (older, newer)
    }

    /// How many hashes SUBPROOF(first, D[second], true) holds.
    public static func pathLength(first: UInt64, second: UInt64) -> Int {
        guard first > 0 && first < second else { return 0 }
        var m = first
        var n = second
        var complete = true
        var length = 0
        while m != n {
            let k = LogMath.split(n)
            if m <= k {
                n = k
            } else {
                m -= k
                n -= k
                complete = false
            }
            length += 1
        }
        return complete ? length : length + 1
    }
}
