/// The tree's node storage while it is being filled, bottom-up: the leaves and the levels up to
/// `sumLevelMin` block by block (each block is one node of that level and its 2^sumLevelMin
/// leaves, so lower sums live in a small scratch), then each upper level from the one below.
/// Both phases split their ranges over the threads; each range writes only its own nodes.
struct TreeLevels {
    let layout: TreeLayout
    let paddingKey: Hash256
    private(set) var hashes: [UInt8]
    private(set) var sums: [UInt128]

    /// Upper levels with fewer parents than this are not worth a second thread.
    private static let parallelParentsMin = 8_192

    init(layout: TreeLayout, paddingKey: Hash256) {
        self.layout = layout
        self.paddingKey = paddingKey
        hashes = [UInt8](repeating: 0, count: layout.hashNodeTotal * Hash256.byteCount)
        sums = [UInt128](repeating: 0, count: layout.sumNodeTotal * layout.assetCount)
    }

    mutating func build(leaves: LeafSource, threads: Int) {
        guard layout.accountCount > 0 else { return }
        let layout = layout
        let paddingKey = paddingKey
        hashes.withUnsafeMutableBufferPointer { hashBuffer in
            sums.withUnsafeMutableBufferPointer { sumBuffer in
                let job = LevelJob(layout: layout, paddingKey: paddingKey,
                                   hashes: SharedPointer(base: hashBuffer.baseAddress!),
                                   sums: SharedPointer(base: sumBuffer.baseAddress!))
                let blocks = layout.nodeCount(level: layout.sumLevelMin)
                Parallel.forEachChunk(count: blocks, threads: threads) { job.buildBlocks($0, leaves: leaves) }
                for level in layout.sumLevelMin + 1...max(layout.sumLevelMin + 1, layout.height)
                where level <= layout.height {
                    let parents = layout.nodeCount(level: level)
                    let split = parents >= Self.parallelParentsMin ? threads : 1
                    Parallel.forEachChunk(count: parents, threads: split) { job.buildParents(level: level, $0) }
                }
            }
        }
    }

    /// The root's hash and sums; an empty tree's root is the padding of the whole tree.
    func root() -> (Hash256, [UInt128]) {
        let height = layout.height
        guard layout.accountCount > 0 else {
            return (TreeHasher.padding(KeyedHash(key: paddingKey), level: height, index: 0),
                    [UInt128](repeating: 0, count: layout.assetCount))
        }
        let hash = hashes.withUnsafeBytes { Hash256(loadingFrom: $0.baseAddress! + layout.hashOffset(level: height, 0)) }
        let start = layout.sumOffset(level: height, 0)
        return (hash, Array(sums[start..<start + layout.assetCount]))
    }
}

/// The pointers and constants one thread needs to fill its share of the levels.
private struct LevelJob: Sendable {
    let layout: TreeLayout
    let paddingKey: Hash256
    let hashes: SharedPointer<UInt8>
    let sums: SharedPointer<UInt128>

    /// Blocks whose accounts are gathered at once: 4,096 leaves at sumLevelMin 4.
    private static let gatherBlocks = 256

    /// Leaves and levels 1 … sumLevelMin of blocks `blocks` (block `b` = node `b` of sumLevelMin).
    ///
    /// Shuffled leaves read the snapshot in random order; gathering a batch of rows first, in a
    /// loop that does nothing else, lets the memory system fetch many rows at once instead of one
    /// cache miss per leaf stalling between hashes.
    func buildBlocks(_ blocks: Range<Int>, leaves: LeafSource) {
        let assets = layout.assetCount
        let top = layout.sumLevelMin
        let width = 1 << top
        var worker = leaves.makeWorker()
        var scratch = SumScratch(width: width, assets: assets)
        var gathered = GatheredLeaves(capacity: Self.gatherBlocks * width, assets: assets)
        let padding = KeyedHash(key: paddingKey)
        for batch in stride(from: blocks.lowerBound, to: blocks.upperBound, by: Self.gatherBlocks) {
            let batchBlocks = batch..<min(batch + Self.gatherBlocks, blocks.upperBound)
            let batchFirst = batch << top
            leaves.gather(batchFirst..<min(batchBlocks.upperBound << top, layout.accountCount), into: &gathered)
            for block in batchBlocks {
                let first = block << top
                let end = min(first + width, layout.accountCount)
                for leaf in first..<end {
                    let at = leaf - batchFirst
                    let hash = gathered.withBalances(at) { row in
                        for asset in 0..<assets { scratch.current[(leaf - first) * assets + asset] = UInt128(row[asset]) }
                        return leaves.leafHash(leaf, accountId: gathered.ids[at], balances: row, worker: &worker)
                    }
                    hash.store(to: hashAddress(level: 0, leaf))
                }
                var nodes = end - first
                for level in 0..<top {
                    nodes = combine(level: level, firstChild: first >> level, children: nodes,
                                    scratch: &scratch, hasher: &worker.hasher, padding: padding)
                }
                assert(nodes == 1, "a block ends in one node")
                for asset in 0..<assets { sums.base[layout.sumOffset(level: top, block) + asset] = scratch.current[asset] }
            }
        }
    }

    /// Hashes the parents of `children` real nodes of `level` starting at `firstChild` (even);
    /// their sums are in `scratch.current`, the parents' go there too. Returns the parent count.
    private func combine(level: Int, firstChild: Int, children: Int, scratch: inout SumScratch,
                         hasher: inout TreeHasher, padding: KeyedHash) -> Int {
        let assets = layout.assetCount
        let parents = (children + 1) / 2
        scratch.withBuffers { current, next, zeros in
            for parent in 0..<parents {
                let left = 2 * parent
                let right = left + 1
                let leftHash = Hash256(loadingFrom: hashAddress(level: level, firstChild + left))
                let leftSums = UnsafePointer(current + left * assets)
                let rightIsReal = right < children
                let rightHash = rightIsReal
                    ? Hash256(loadingFrom: hashAddress(level: level, firstChild + right))
                    : TreeHasher.padding(padding, level: level, index: UInt64(firstChild + right))
                let rightSums = rightIsReal ? UnsafePointer(current + right * assets) : zeros
                let hash = hasher.node(level: level + 1, left: leftHash, leftSums: leftSums,
                                       right: rightHash, rightSums: rightSums)
                hash.store(to: hashAddress(level: level + 1, firstChild / 2 + parent))
                for asset in 0..<assets { next[parent * assets + asset] = leftSums[asset] + rightSums[asset] }
            }
        }
        scratch.swap()
        return parents
    }

    /// Nodes `parents` of `level` (above sumLevelMin) from their stored children.
    func buildParents(level: Int, _ parents: Range<Int>) {
        let assets = layout.assetCount
        let children = layout.nodeCount(level: level - 1)
        var hasher = TreeHasher(assetCount: assets)
        let padding = KeyedHash(key: paddingKey)
        let zeros = [UInt128](repeating: 0, count: assets)
        zeros.withUnsafeBufferPointer { zeroBuffer in
            for parent in parents {
                let left = 2 * parent
                let right = left + 1
                let leftSums = UnsafePointer(sums.base + layout.sumOffset(level: level - 1, left))
                let rightIsReal = right < children
                let rightHash = rightIsReal
                    ? Hash256(loadingFrom: hashAddress(level: level - 1, right))
                    : TreeHasher.padding(padding, level: level - 1, index: UInt64(right))
                let rightSums = rightIsReal
                    ? UnsafePointer(sums.base + layout.sumOffset(level: level - 1, right)) : zeroBuffer.baseAddress!
                let hash = hasher.node(level: level, left: Hash256(loadingFrom: hashAddress(level: level - 1, left)),
                                       leftSums: leftSums, right: rightHash, rightSums: rightSums)
                hash.store(to: hashAddress(level: level, parent))
                let parentSums = sums.base + layout.sumOffset(level: level, parent)
                for asset in 0..<assets { parentSums[asset] = leftSums[asset] + rightSums[asset] }
            }
        }
    }

    @inline(__always)
    private func hashAddress(level: Int, _ index: Int) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(hashes.base + layout.hashOffset(level: level, index))
    }
}

/// Two levels' sums of one block (current children, next parents) and a row of zeros for padding.
private struct SumScratch {
    var current: [UInt128]
    var next: [UInt128]
    let zeros: [UInt128]

    init(width: Int, assets: Int) {
        current = [UInt128](repeating: 0, count: width * assets)
        next = current
        zeros = [UInt128](repeating: 0, count: assets)
    }

    mutating func withBuffers(_ body: (UnsafeMutablePointer<UInt128>, UnsafeMutablePointer<UInt128>,
                                       UnsafePointer<UInt128>) -> Void) {
        current.withUnsafeMutableBufferPointer { currentBuffer in
            next.withUnsafeMutableBufferPointer { nextBuffer in
                zeros.withUnsafeBufferPointer { zeroBuffer in
                    body(currentBuffer.baseAddress!, nextBuffer.baseAddress!, zeroBuffer.baseAddress!)
                }
            }
        }
    }

    mutating func swap() {
        Swift.swap(&current, &next)
    }
}
