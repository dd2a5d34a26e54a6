@testable import SolventProof
import Testing

/// The log against the literal RFC 9162 reference, for every size up to 70 and every index or
/// size pair, with the subtree cache starting low (used often) and at its default (unused).
@Suite struct LogTreeTests {
    static let sizeMax = 70
    static let data = LogReference.data(sizeMax)

    @Test(arguments: [1, 2, LogTree.cachedLevelDefault])
    func rootsMatchTheReferenceAtEverySize(cachedLevelMin: Int) throws {
        let tree = LogReference.tree(Self.data, cachedLevelMin: cachedLevelMin)
        var accumulator = LogAccumulator()
        #expect(accumulator.root == LogHasher.emptyRoot)
        for size in 0...Self.sizeMax {
            let expected = LogReference.mth(Self.data.prefix(size))
            #expect(try tree.root(size: UInt64(size)) == expected)
            #expect(accumulator.root == expected)
            if size < Self.sizeMax { accumulator.append(LogHasher.leaf(Self.data[size])) }
        }
        #expect(tree.root == LogReference.mth(Self.data[...]))
    }

    @Test(arguments: [1, 3, LogTree.cachedLevelDefault])
    func inclusionProofsMatchTheReferenceAndVerify(cachedLevelMin: Int) throws {
        let tree = LogReference.tree(Self.data, cachedLevelMin: cachedLevelMin)
        for size in 1...Self.sizeMax {
            let root = LogReference.mth(Self.data.prefix(size))
            for index in 0..<size {
                let proof = try tree.inclusionProof(index: UInt64(index), size: UInt64(size))
                #expect(proof.path == LogReference.path(index, Self.data.prefix(size)))
                #expect(proof.path.count == LogInclusionProof.pathLength(index: UInt64(index), size: UInt64(size)))
                try proof.verify(leaf: LogHasher.leaf(Self.data[index]), root: root)
            }
        }
    }

    @Test(arguments: [1, 2, LogTree.cachedLevelDefault])
    func consistencyProofsMatchTheReferenceAndVerify(cachedLevelMin: Int) throws {
        let tree = LogReference.tree(Self.data, cachedLevelMin: cachedLevelMin)
        let roots = (0...Self.sizeMax).map { LogReference.mth(Self.data.prefix($0)) }
        for second in 0...Self.sizeMax {
            for first in 0...second {
                let proof = try tree.consistencyProof(from: UInt64(first), to: UInt64(second))
                #expect(proof.path == LogReference.proof(first, Self.data.prefix(second)))
                #expect(proof.path.count == LogConsistencyProof.pathLength(first: UInt64(first), second: UInt64(second)))
                try proof.verify(firstRoot: roots[first], secondRoot: roots[second])
            }
        }
    }

    @Test func questionsBeyondTheLogAreRefused() {
        let tree = LogReference.tree(LogReference.data(5), cachedLevelMin: 1)
        #expect(throws: LogQueryError.sizeBeyondLog(size: 6, logSize: 5)) { try tree.root(size: 6) }
        #expect(throws: LogQueryError.indexBeyondSize(index: 3, size: 3)) { try tree.inclusionProof(index: 3, size: 3) }
        #expect(throws: LogQueryError.sizeBeyondLog(size: 9, logSize: 5)) { try tree.inclusionProof(index: 0, size: 9) }
        #expect(throws: LogQueryError.sizesOutOfOrder(first: 4, second: 2)) { try tree.consistencyProof(from: 4, to: 2) }
        #expect(throws: LogQueryError.sizeBeyondLog(size: 6, logSize: 5)) { try tree.consistencyProof(from: 1, to: 6) }
    }

    @Test func hashesRoundTripThroughHex() throws {
        let hash = LogHasher.leaf([1, 2, 3])
        #expect(LogHash(hex: hash.hex) == hash)
        #expect(LogHash(hex: hash.hex.uppercased()) == nil)
        #expect(LogHash(hex: String(hash.hex.dropLast())) == nil)
        #expect(LogHash(bytes: hash.bytes) == hash)
        #expect(LogHash(bytes: [UInt8](repeating: 0, count: 31)) == nil)
    }
}
