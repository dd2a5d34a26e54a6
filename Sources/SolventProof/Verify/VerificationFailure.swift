/// Why a proof is invalid: one case per check, in the order `ProofVerifier` runs them.
public enum VerificationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    case malformedHeader(ParseError)
    case malformedPreviousHeader(ParseError)
    case malformedProof(ParseError)
    /// The header names another signing key than the pinned one.
    case unknownKey(KeyId)
    /// The header's signature does not verify with the pinned key (the header was altered).
    case badSignature
    /// The previously seen header does not verify with the pinned key.
    case badPreviousSignature
    /// The "current" header is older than one already seen: a replayed old epoch.
    case rollback(current: UInt64, previous: UInt64)
    /// Two different signed headers for one epoch: the exchange showed two histories.
    case equivocation(epoch: UInt64)
    /// The header follows the previous one but does not name its hash.
    case brokenChain(epoch: UInt64)
    case exchangeMismatch
    /// The proof points at another header than the one given.
    case headerMismatch
    case epochMismatch
    /// The proof's asset list (symbols, scales, order) differs from the header's.
    case assetMismatch
    /// A proof carries one leaf per share (`ProofFormat.shareCount`), not this many.
    case leafCountMismatch(Int)
    case pathLengthMismatch(expected: Int, actual: Int)
    case indexOutOfRange(index: UInt64, height: Int)
    /// Share `share`'s leaf is not in half `share` of the tree (both leaves could be one).
    case shareInWrongHalf(share: Int)
    /// The leaf recomputed from the user's account id and secret is not the proof's leaf.
    case leafMismatch(share: Int)
    /// A sibling's sum at `level` is at least 2^(64 + level): no real subtree can hold that much.
    case siblingSumOutOfRange(level: Int, asset: Int)
    case sumOverflow(level: Int, asset: Int)
    /// The path does not lead to the header's root hash.
    case rootHashMismatch(share: Int)
    /// The path leads to the root, but its totals differ from the liabilities the header states.
    case rootSumsMismatch(share: Int, asset: Int)
    /// The two shares of one balance add up to more than a balance can be (2^64 − 1).
    case balanceOverflow(asset: Int)

    public var description: String {
        switch self {
        case .malformedHeader(let error): "header is malformed: \(error)"
        case .malformedPreviousHeader(let error): "previous header is malformed: \(error)"
        case .malformedProof(let error): "proof is malformed: \(error)"
        case .unknownKey(let id): "header is signed by key \(id), not the exchange's pinned key"
        case .badSignature: "header signature does not verify (header altered or wrong key)"
        case .badPreviousSignature: "previous header's signature does not verify"
        case .rollback(let current, let previous): "stale header: epoch \(current) is older than epoch \(previous) already seen"
        case .equivocation(let epoch): "two different headers signed for epoch \(epoch)"
        case .brokenChain(let epoch): "epoch \(epoch) does not link to the previous header's hash"
        case .exchangeMismatch: "proof and header name different exchanges"
        case .headerMismatch: "proof was made for another header"
        case .epochMismatch: "proof and header are of different epochs"
        case .assetMismatch: "proof's assets differ from the header's (symbols, scales or order)"
        case .leafCountMismatch(let count): "proof has \(count) leaves, not \(ProofFormat.shareCount)"
        case .pathLengthMismatch(let expected, let actual): "path has \(actual) steps, the tree is \(expected) tall"
        case .indexOutOfRange(let index, let height): "leaf index \(index) is outside a tree of height \(height)"
        case .shareInWrongHalf(let share): "leaf of share \(share) is not in half \(share) of the tree"
        case .leafMismatch(let share): "leaf of share \(share) does not match your account id and this epoch's secret"
        case .siblingSumOutOfRange(let level, let asset): "sibling sum at level \(level), asset \(asset) is out of range"
        case .sumOverflow(let level, let asset): "sum overflows at level \(level), asset \(asset)"
        case .rootHashMismatch(let share): "path of share \(share) does not lead to the header's root hash"
        case .rootSumsMismatch(let share, let asset):
            "path of share \(share): total for asset \(asset) differs from the header's liabilities"
        case .balanceOverflow(let asset): "the shares of asset \(asset) add up to more than 2^64 − 1"
        }
    }
}
