@testable import SolventProof
import Testing

/// Every way a log proof can be wrong fails with its own reason.
@Suite struct LogProofFailureTests {
    static let data = LogReference.data(21)
    static let tree = LogReference.tree(data, cachedLevelMin: 2)

    static func flipped(_ hash: LogHash, byte: Int = 7) -> LogHash {
        var bytes = hash.bytes
        bytes[byte] ^= 0x10
        return LogHash(bytes: bytes)!
    }

    static func rootMismatch(_ error: LogProofError) -> Bool {
        if case .rootMismatch = error { return true }
        return false
    }

    @Test func inclusionWithTheWrongIndexLeadsElsewhere() throws {
        let proof = try Self.tree.inclusionProof(index: 12, size: 21)
        let leaf = LogHasher.leaf(Self.data[12])
        for index: UInt64 in [13, 14, 8] {
            var moved = proof
            moved.index = index
            let error = #expect(throws: LogProofError.self) { try moved.verify(leaf: leaf, root: Self.tree.root) }
            #expect(error.map(Self.rootMismatch) == true)
        }
    }

    @Test func inclusionBeyondTheSizeIsRefusedBeforeHashing() throws {
        var proof = try Self.tree.inclusionProof(index: 20, size: 21)
        proof.size = 20
        #expect(throws: LogProofError.indexBeyondSize(index: 20, size: 20)) {
            try proof.verify(leaf: LogHasher.leaf(Self.data[20]), root: Self.tree.root)
        }
    }

    /// A size with another path shape fails. (A size with the same shape proves the same
    /// thing, which is why a root is only ever trusted from a checkpoint of that size.)
    @Test func inclusionWithTheWrongSizeFails() throws {
        var proof = try Self.tree.inclusionProof(index: 5, size: 21)
        let leaf = LogHasher.leaf(Self.data[5])
        proof.size = 42
        #expect(throws: LogProofError.wrongPathLength(expected: 6, actual: 5)) {
            try proof.verify(leaf: leaf, root: Self.tree.root)
        }
        proof.size = 10
        #expect(throws: LogProofError.wrongPathLength(expected: 4, actual: 5)) {
            try proof.verify(leaf: leaf, root: Self.tree.root)
        }
    }

    @Test func truncatedOrPaddedInclusionPathsFail() throws {
        var proof = try Self.tree.inclusionProof(index: 9, size: 21)
        let leaf = LogHasher.leaf(Self.data[9])
        let full = proof.path
        proof.path.removeLast()
        #expect(throws: LogProofError.wrongPathLength(expected: full.count, actual: full.count - 1)) {
            try proof.verify(leaf: leaf, root: Self.tree.root)
        }
        proof.path = full + [Self.tree.root]
        #expect(throws: LogProofError.wrongPathLength(expected: full.count, actual: full.count + 1)) {
            try proof.verify(leaf: leaf, root: Self.tree.root)
        }
    }

    @Test func aFlippedByteAnywhereInThePathFails() throws {
        let proof = try Self.tree.inclusionProof(index: 17, size: 21)
        let leaf = LogHasher.leaf(Self.data[17])
        for position in proof.path.indices {
            for byte in [0, 13, 31] {
                var damaged = proof
                damaged.path[position] = Self.flipped(proof.path[position], byte: byte)
                let error = #expect(throws: LogProofError.self) { try damaged.verify(leaf: leaf, root: Self.tree.root) }
                #expect(error.map(Self.rootMismatch) == true)
            }
        }
    }

    @Test func anEditedLeafFailsInclusion() throws {
        let proof = try Self.tree.inclusionProof(index: 2, size: 21)
        var edited = Self.data[2]
        edited.append(0xFF)
        let error = #expect(throws: LogProofError.self) {
            try proof.verify(leaf: LogHasher.leaf(edited), root: Self.tree.root)
        }
        #expect(error.map(Self.rootMismatch) == true)
    }

    /// The journal was edited before an old checkpoint: the consistency proof from the honest
    /// tree cannot rebuild the old root from the rewritten one.
    @Test func anEditedLogFailsConsistencyWithTheOldRoot() throws {
        var rewritten = Self.data
        rewritten[4] = [0xEE]
        let rewrittenTree = LogReference.tree(rewritten, cachedLevelMin: 2)
        let oldRoot = try Self.tree.root(size: 11)
        let proof = try rewrittenTree.consistencyProof(from: 11, to: 21)
        let error = #expect(throws: LogProofError.self) {
            try proof.verify(firstRoot: oldRoot, secondRoot: rewrittenTree.root)
        }
        guard case .firstRootMismatch(_, let expected) = error else {
            Issue.record("expected firstRootMismatch, got \(String(describing: error))")
            return
        }
        #expect(expected == oldRoot)
    }

    /// The journal lost its tail after a checkpoint at 21 and grew again to 25: the new tree is
    /// not an extension of the checkpointed one.
    @Test func aTruncatedAndRegrownLogFailsConsistency() throws {
        let regrown = Array(Self.data.prefix(18)) + LogReference.data(40).suffix(7)
        let regrownTree = LogReference.tree(regrown, cachedLevelMin: 2)
        let proof = try regrownTree.consistencyProof(from: 21, to: 25)
        let error = #expect(throws: LogProofError.self) {
            try proof.verify(firstRoot: Self.tree.root, secondRoot: regrownTree.root)
        }
        guard case .firstRootMismatch = error else {
            Issue.record("expected firstRootMismatch, got \(String(describing: error))")
            return
        }
    }

    @Test func consistencyFailuresHaveTheirOwnReasons() throws {
        let proof = try Self.tree.consistencyProof(from: 6, to: 21)
        let first = try Self.tree.root(size: 6)
        #expect(throws: LogProofError.sizesOutOfOrder(first: 21, second: 6)) {
            try LogConsistencyProof(first: 21, second: 6, path: proof.path).verify(firstRoot: first, secondRoot: Self.tree.root)
        }
        var truncated = proof
        truncated.path.removeLast()
        #expect(throws: LogProofError.wrongPathLength(expected: proof.path.count, actual: proof.path.count - 1)) {
            try truncated.verify(firstRoot: first, secondRoot: Self.tree.root)
        }
        var flipped = proof
        flipped.path[proof.path.count - 1] = Self.flipped(proof.path.last!)
        let error = #expect(throws: LogProofError.self) { try flipped.verify(firstRoot: first, secondRoot: Self.tree.root) }
        guard case .secondRootMismatch = error else {
            Issue.record("the last hash only feeds the newer root, got \(String(describing: error))")
            return
        }
        #expect(throws: LogProofError.differentRootsAtSameSize(size: 6)) {
            try LogConsistencyProof(first: 6, second: 6, path: []).verify(firstRoot: first, secondRoot: Self.tree.root)
        }
        #expect(throws: LogProofError.wrongPathLength(expected: 0, actual: 1)) {
            try LogConsistencyProof(first: 0, second: 6, path: [first]).verify(firstRoot: first, secondRoot: first)
        }
    }
}
