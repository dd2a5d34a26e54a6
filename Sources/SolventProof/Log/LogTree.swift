/// The journal's Merkle log in memory: every leaf hash, plus the roots of the complete
/// subtrees of level ≥ `cachedLevelMin`, so any root or proof for any past size costs a few
/// hundred hashes at most instead of re-hashing the whole log.
///
/// Memory: 32 bytes per leaf, plus 32 × 2 / 2^cachedLevelMin per leaf for the cached levels
/// (≈ 0.8 % at the default level 8). A complete subtree below the cached levels is recomputed
/// from its leaves (at most 2^8 − 1 node hashes); `rangeRoot` needs at most two of those per
/// level, so a proof for a million-record log stays well under a millisecond.
public struct LogTree: Sendable {
    public static let cachedLevelDefault = 8

    public let cachedLevelMin: Int
    public private(set) var leaves: [LogHash] = []
    /// `upper[l - cachedLevelMin][i]` is the root of leaves [i·2^l, (i+1)·2^l).
    private var upper: [[LogHash]] = []
    private var accumulator = LogAccumulator()

    public init(cachedLevelMin: Int = cachedLevelDefault) {
        precondition(cachedLevelMin >= 1 && cachedLevelMin < 64, "cached levels start between 1 and 63")
        self.cachedLevelMin = cachedLevelMin
    }

    public var size: UInt64 { UInt64(leaves.count) }

    /// The root of the whole log: O(log n), from the accumulator.
    public var root: LogHash { accumulator.root }

    public mutating func append(_ leaf: LogHash) {
        leaves.append(leaf)
        let cachedLevelMin = cachedLevelMin
        var upper = self.upper
        self.upper = []
        accumulator.append(leaf) { level, index, hash in
            guard level >= cachedLevelMin else { return }
            let row = level - cachedLevelMin
            if row == upper.count { upper.append([]) }
            assert(UInt64(upper[row].count) == index, "subtrees complete left to right")
            upper[row].append(hash)
        }
        self.upper = upper
    }

    /// The root of the first `size` leaves (RFC 9162 MTH(D[0:size])).
    public func root(size: UInt64) throws(LogQueryError) -> LogHash {
        guard size <= self.size else { throw .sizeBeyondLog(size: size, logSize: self.size) }
        if size == self.size { return root }
        return size == 0 ? LogHasher.emptyRoot : rangeRoot(0, size)
    }

    public func leafHash(at index: UInt64) throws(LogQueryError) -> LogHash {
        guard index < size else { throw .indexBeyondSize(index: index, size: size) }
        return leaves[Int(index)]
    }

    /// The audit path of leaf `index` in the log's first `size` leaves (RFC 9162 §2.1.3.1).
    public func inclusionProof(index: UInt64, size: UInt64) throws(LogQueryError) -> LogInclusionProof {
        guard size <= self.size else { throw .sizeBeyondLog(size: size, logSize: self.size) }
        guard index < size else { throw .indexBeyondSize(index: index, size: size) }
        var path: [LogHash] = []
        appendPath(index, 0, size, to: &path)
        return LogInclusionProof(index: index, size: size, path: path)
    }

    /// The proof that the first `first` leaves are a prefix of the first `second` (RFC 9162
    /// §2.1.4.1); empty when `first` is 0 or equals `second`.
    public func consistencyProof(from first: UInt64, to second: UInt64) throws(LogQueryError) -> LogConsistencyProof {
        guard first <= second else { throw .sizesOutOfOrder(first: first, second: second) }
        guard second <= size else { throw .sizeBeyondLog(size: second, logSize: size) }
        var path: [LogHash] = []
        if first > 0 && first < second { appendSubproof(first, 0, second, complete: true, to: &path) }
        return LogConsistencyProof(first: first, second: second, path: path)
    }

    // MARK: RFC 9162 recursions, over the leaf range [start, end)

    /// PATH(m, D[start:end]): the deepest sibling first.
    private func appendPath(_ m: UInt64, _ start: UInt64, _ end: UInt64, to path: inout [LogHash]) {
        let n = end - start
        guard n > 1 else { return }
        let k = LogMath.split(n)
        if m < k {
            appendPath(m, start, start + k, to: &path)
            path.append(rangeRoot(start + k, end))
        } else {
            appendPath(m - k, start + k, end, to: &path)
            path.append(rangeRoot(start, start + k))
        }
    }

    /// SUBPROOF(m, D[start:end], b).
    private func appendSubproof(_ m: UInt64, _ start: UInt64, _ end: UInt64, complete: Bool,
                                to path: inout [LogHash]) {
        let n = end - start
        if m == n {
            if !complete { path.append(rangeRoot(start, end)) }
            return
        }
        let k = LogMath.split(n)
        if m <= k {
            appendSubproof(m, start, start + k, complete: complete, to: &path)
            path.append(rangeRoot(start + k, end))
        } else {
            appendSubproof(m - k, start + k, end, complete: false, to: &path)
            path.append(rangeRoot(start, start + k))
        }
    }

    /// MTH(D[start:end]) for a non-empty range, from cached subtrees where they line up.
    func rangeRoot(_ start: UInt64, _ end: UInt64) -> LogHash {
        let n = end - start
        assert(n >= 1 && end <= size, "a range root needs leaves")
        if LogMath.isPowerOfTwo(n) && start % n == 0 {
            return subtreeRoot(level: n.trailingZeroBitCount, index: start / n)
        }
        let k = LogMath.split(n)
        return LogHasher.node(rangeRoot(start, start + k), rangeRoot(start + k, end))
    }

    /// The root of the complete subtree of leaves [index·2^level, (index+1)·2^level).
    private func subtreeRoot(level: Int, index: UInt64) -> LogHash {
        if level == 0 { return leaves[Int(index)] }
        if level >= cachedLevelMin { return upper[level - cachedLevelMin][Int(index)] }
        return LogHasher.node(subtreeRoot(level: level - 1, index: 2 * index),
                              subtreeRoot(level: level - 1, index: 2 * index + 1))
    }
}

/// A question the log cannot answer as asked.
public enum LogQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    case sizeBeyondLog(size: UInt64, logSize: UInt64)
    case indexBeyondSize(index: UInt64, size: UInt64)
    case sizesOutOfOrder(first: UInt64, second: UInt64)

    public var description: String {
        switch self {
        case .sizeBeyondLog(let size, let logSize): "size \(size) is beyond the log's \(logSize) entries"
        case .indexBeyondSize(let index, let size): "index \(index) is not below size \(size)"
        case .sizesOutOfOrder(let first, let second): "first size \(first) is larger than second size \(second)"
        }
    }
}
