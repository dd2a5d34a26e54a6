/// Where each level's nodes sit in the tree's two flat arrays (hashes, kept sums).
///
/// Only real nodes are stored, those covering at least one account: `ceil(accounts / 2^level)`
/// per level, about `2 × accounts` in all. Padding nodes are recomputed from the padding key.
struct TreeLayout: Sendable {
    let accountCount: Int
    let height: Int
    let assetCount: Int
    /// Lowest level whose sums are stored; the levels below recompute theirs from the leaves.
    let sumLevelMin: Int
    /// `hashStart[l]`: index (in nodes) of level `l`'s first node in the hash array; one extra at the end.
    let hashStart: [Int]
    /// `sumStart[l − sumLevelMin]`: index (in nodes) of level `l`'s first node in the sum array.
    let sumStart: [Int]

    /// Sums are kept from this level up: a lower node spans at most 2^3 = 8 leaves, cheap to re-add.
    static let keptSumLevel = 4

    init(accountCount: Int, height: Int, assetCount: Int) {
        self.accountCount = accountCount
        self.height = height
        self.assetCount = assetCount
        sumLevelMin = min(Self.keptSumLevel, height)
        var hashStart = [0]
        var sumStart = [0]
        for level in 0...height {
            let count = Self.nodeCount(accountCount, level)
            hashStart.append(hashStart[level] + count)
            if level >= sumLevelMin { sumStart.append(sumStart[sumStart.count - 1] + count) }
        }
        self.hashStart = hashStart
        self.sumStart = sumStart
    }

    func nodeCount(level: Int) -> Int {
        Self.nodeCount(accountCount, level)
    }

    var hashNodeTotal: Int { hashStart[height + 1] }
    var sumNodeTotal: Int { sumStart[sumStart.count - 1] }

    /// Byte offset of node `index` of `level` in the hash array.
    @inline(__always)
    func hashOffset(level: Int, _ index: Int) -> Int {
        (hashStart[level] + index) * Hash256.byteCount
    }

    /// Element offset of node `index`'s first sum in the sum array (`level ≥ sumLevelMin`).
    @inline(__always)
    func sumOffset(level: Int, _ index: Int) -> Int {
        (sumStart[level - sumLevelMin] + index) * assetCount
    }

    private static func nodeCount(_ accounts: Int, _ level: Int) -> Int {
        accounts == 0 ? 0 : (accounts + (1 << level) - 1) >> level
    }
}
