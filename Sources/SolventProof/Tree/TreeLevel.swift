/// The real nodes of one level of a sparse tree, in increasing index: a node is real when its
/// subtree holds at least one leaf; every other node is padding (recomputed from the padding key).
struct TreeLevel: Sendable {
    var indices: [UInt64]
    var hashes: [Hash256]
    /// `assetCount` sums per node, kept only for levels ≥ `TreeLevels.sumLevelMin(height)`.
    var sums: [UInt128]

    var count: Int { indices.count }

    /// The position of node `index` in this level, if it is real.
    func position(of index: UInt64) -> Int? {
        let at = lowerBound(index)
        return at < indices.count && indices[at] == index ? at : nil
    }

    /// The first position whose index is at least `index`.
    func lowerBound(_ index: UInt64) -> Int {
        var low = 0
        var high = indices.count
        while low < high {
            let middle = (low + high) / 2
            if indices[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
