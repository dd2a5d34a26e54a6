/// Builds the levels of the sparse tree bottom-up from its sorted leaves. Each level's parents
/// are found in one pass over the children (a child and the next one are siblings when their
/// indices differ in the last bit only), then hashed in parallel: every range of parents writes
/// only its own entries, so the tree does not depend on the thread count.
enum TreeLevels {
    /// Sums are kept from this level up; a lower node spans at most 2^3 = 8 leaves, cheap to re-add.
    static let keptSumLevel = 4

    static func sumLevelMin(height: Int) -> Int { min(keptSumLevel, height) }

    /// Levels 1 … height over `leaves` (level 0, whose sums are `leafSums`); `result[l − 1]` is level `l`.
    static func build(leaves: TreeLevel, leafSums: [UInt128], height: Int, assetCount: Int,
                      paddingKey: Hash256, threads: Int) -> [TreeLevel] {
        var levels: [TreeLevel] = []
        var children = leaves
        var childSums = leafSums
        for level in 1...height {
            var (parent, parentSums) = combine(children, sums: childSums, level: level, assetCount: assetCount,
                                               paddingKey: paddingKey, threads: threads)
            childSums = parentSums
            if level >= sumLevelMin(height: height) {
                parent.sums = parentSums
            } else {
                parentSums = []
            }
            children = parent
            levels.append(parent)
        }
        return levels
    }

    /// The parents (at `level`) of `children`, with their sums.
    private static func combine(_ children: TreeLevel, sums: [UInt128], level: Int, assetCount: Int,
                                paddingKey: Hash256, threads: Int) -> (TreeLevel, [UInt128]) {
        var firstChild: [Int] = []
        firstChild.reserveCapacity(children.count / 2 + 1)
        var at = 0
        while at < children.count {
            firstChild.append(at)
            let index = children.indices[at]
            at += index & 1 == 0 && at + 1 < children.count && children.indices[at + 1] == index + 1 ? 2 : 1
        }
        firstChild.append(children.count)
        let parents = firstChild.count - 1
        var indices = [UInt64](repeating: 0, count: parents)
        var hashes = [Hash256](repeating: .zero, count: parents)
        var parentSums = [UInt128](repeating: 0, count: parents * assetCount)
        let split = parents >= 8_192 ? threads : 1
        indices.withUnsafeMutableBufferPointer { indexBuffer in
            hashes.withUnsafeMutableBufferPointer { hashBuffer in
                parentSums.withUnsafeMutableBufferPointer { sumBuffer in
                    let job = CombineJob(children: children, childSums: sums, firstChild: firstChild, level: level,
                                         assetCount: assetCount, paddingKey: paddingKey,
                                         indices: SharedPointer(base: indexBuffer.baseAddress!),
                                         hashes: SharedPointer(base: hashBuffer.baseAddress!),
                                         sums: SharedPointer(base: sumBuffer.baseAddress!))
                    Parallel.forEachChunk(count: parents, threads: split) { job.run($0) }
                }
            }
        }
        return (TreeLevel(indices: indices, hashes: hashes, sums: []), parentSums)
    }
}

/// One level's parents, hashed by range.
private struct CombineJob: Sendable {
    let children: TreeLevel
    let childSums: [UInt128]
    let firstChild: [Int]
    let level: Int
    let assetCount: Int
    let paddingKey: Hash256
    let indices: SharedPointer<UInt64>
    let hashes: SharedPointer<Hash256>
    let sums: SharedPointer<UInt128>

    func run(_ parents: Range<Int>) {
        let assets = assetCount
        var hasher = TreeHasher(assetCount: assets)
        let padding = KeyedHash(key: paddingKey)
        let zeros = [UInt128](repeating: 0, count: assets)
        childSums.withUnsafeBufferPointer { childBuffer in
            zeros.withUnsafeBufferPointer { zeroBuffer in
                for parent in parents {
                    let first = firstChild[parent]
                    let index = children.indices[first]
                    let pair = firstChild[parent + 1] - first == 2
                    let firstSums = childBuffer.baseAddress! + first * assets
                    let otherSums = pair ? childBuffer.baseAddress! + (first + 1) * assets : zeroBuffer.baseAddress!
                    let other = pair ? children.hashes[first + 1]
                        : TreeHasher.padding(padding, level: level - 1, index: index ^ 1)
                    let isLeft = index & 1 == 0
                    let hash = isLeft
                        ? hasher.node(level: level, left: children.hashes[first], leftSums: firstSums,
                                      right: other, rightSums: otherSums)
                        : hasher.node(level: level, left: other, leftSums: otherSums,
                                      right: children.hashes[first], rightSums: firstSums)
                    indices.base[parent] = index >> 1
                    hashes.base[parent] = hash
                    let out = sums.base + parent * assets
                    for asset in 0..<assets { out[asset] = firstSums[asset] + otherSums[asset] }
                }
            }
        }
    }
}
