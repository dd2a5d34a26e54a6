/// Why a log proof or checkpoint did not verify: each failure has its own case, so an auditor
/// (and a test) learns exactly what was wrong.
public enum LogProofError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An inclusion proof for a leaf the tree of that size does not have.
    case indexBeyondSize(index: UInt64, size: UInt64)
    /// A consistency proof from a larger tree to a smaller one.
    case sizesOutOfOrder(first: UInt64, second: UInt64)
    /// The path has the wrong number of hashes for its index and sizes (truncated or padded).
    case wrongPathLength(expected: Int, actual: Int)
    /// The path leads to another root: a hash, the leaf, the index or the size is wrong.
    case rootMismatch(computed: LogHash, expected: LogHash)
    /// The consistency path does not rebuild the older tree's root: the log was rewritten
    /// before the older size (an edited or removed entry), or the proof is wrong.
    case firstRootMismatch(computed: LogHash, expected: LogHash)
    /// The consistency path rebuilds the older root but not the newer one.
    case secondRootMismatch(computed: LogHash, expected: LogHash)
    /// Two trees of the same size with different roots: they cannot both be this log.
    case differentRootsAtSameSize(size: UInt64)

    public var description: String {
        switch self {
        case .indexBeyondSize(let index, let size): "leaf index \(index) is not in a tree of size \(size)"
        case .sizesOutOfOrder(let first, let second): "first size \(first) is larger than second size \(second)"
        case .wrongPathLength(let expected, let actual): "the path has \(actual) hashes where \(expected) are needed"
        case .rootMismatch(let computed, let expected): "the path leads to root \(computed), not \(expected)"
        case .firstRootMismatch(let computed, let expected):
            "the proof rebuilds the older root as \(computed), not \(expected): the log was rewritten"
        case .secondRootMismatch(let computed, let expected):
            "the proof rebuilds the newer root as \(computed), not \(expected)"
        case .differentRootsAtSameSize(let size): "two different roots for the same size \(size)"
        }
    }
}
