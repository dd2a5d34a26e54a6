@testable import SolventProof

/// RFC 9162 §2.1 written as literally as possible, over the leaf data itself: the obviously
/// right version the real `LogTree` and verifiers are checked against.
enum LogReference {
    static func mth(_ d: ArraySlice<[UInt8]>) -> LogHash {
        switch d.count {
        case 0: return LogHasher.emptyRoot
        case 1: return LogHasher.leaf(d.first!)
        default:
            let k = Int(LogMath.split(UInt64(d.count)))
            return LogHasher.node(mth(d.prefix(k)), mth(d.dropFirst(k)))
        }
    }

    static func path(_ m: Int, _ d: ArraySlice<[UInt8]>) -> [LogHash] {
        guard d.count > 1 else { return [] }
        let k = Int(LogMath.split(UInt64(d.count)))
        if m < k { return path(m, d.prefix(k)) + [mth(d.dropFirst(k))] }
        return path(m - k, d.dropFirst(k)) + [mth(d.prefix(k))]
    }

    static func proof(_ m: Int, _ d: ArraySlice<[UInt8]>) -> [LogHash] {
        m == 0 || m == d.count ? [] : subproof(m, d, true)
    }

    private static func subproof(_ m: Int, _ d: ArraySlice<[UInt8]>, _ b: Bool) -> [LogHash] {
        if m == d.count { return b ? [] : [mth(d)] }
        let k = Int(LogMath.split(UInt64(d.count)))
        if m <= k { return subproof(m, d.prefix(k), b) + [mth(d.dropFirst(k))] }
        return subproof(m - k, d.dropFirst(k), false) + [mth(d.prefix(k))]
    }

    /// Distinct leaf data of varied lengths (0 to 12 bytes).
    static func data(_ count: Int) -> [[UInt8]] {
        (0..<count).map { index in (0..<(index % 13)).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) } }
    }

    static func tree(_ data: [[UInt8]], cachedLevelMin: Int) -> LogTree {
        var tree = LogTree(cachedLevelMin: cachedLevelMin)
        for item in data { tree.append(LogHasher.leaf(item)) }
        return tree
    }
}
