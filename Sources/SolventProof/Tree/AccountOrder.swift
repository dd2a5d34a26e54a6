/// The snapshot's accounts in increasing id order, which is how the tree finds an account's leaf
/// (binary search) and how duplicates are caught (neighbours). The exchange's ledger is already
/// in id order, so the usual case costs one pass and shares the snapshot's id array.
struct AccountOrder: Sendable {
    /// Increasing account ids.
    let sortedIds: [UInt64]
    /// `rows[i]` is the snapshot row of `sortedIds[i]`; nil when the snapshot was already sorted.
    let rows: [UInt32]?

    init(_ ids: [UInt64]) throws(TreeBuildError) {
        if Self.isStrictlyIncreasing(ids) {
            sortedIds = ids
            rows = nil
            return
        }
        var pairs = ids.enumerated().map { (id: $0.element, row: UInt32(truncatingIfNeeded: $0.offset)) }
        pairs.sort { $0.id < $1.id }
        for at in pairs.indices.dropFirst() where pairs[at].id == pairs[at - 1].id {
            throw .duplicateAccountId(pairs[at].id)
        }
        sortedIds = pairs.map(\.id)
        rows = pairs.map(\.row)
    }

    func row(ofSorted index: Int) -> Int {
        rows.map { Int($0[index]) } ?? index
    }

    /// The position of `id` in `sortedIds`, if present.
    func sortedIndex(of id: UInt64) -> Int? {
        var low = 0
        var high = sortedIds.count
        while low < high {
            let middle = (low + high) / 2
            if sortedIds[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < sortedIds.count && sortedIds[low] == id ? low : nil
    }

    private static func isStrictlyIncreasing(_ ids: [UInt64]) -> Bool {
        var at = 1
        while at < ids.count {
            if ids[at - 1] >= ids[at] { return false }
            at += 1
        }
        return true
    }
}
