/// The arithmetic of RFC 9162's tree shape: a tree of `n` leaves splits at the largest power
/// of two smaller than `n`, so its left part is always a complete (perfect) subtree.
enum LogMath {
    /// The largest power of two strictly smaller than `n` (n ≥ 2).
    static func split(_ n: UInt64) -> UInt64 {
        precondition(n >= 2, "only a tree of two or more leaves splits")
        return 1 << (63 - (n - 1).leadingZeroBitCount)
    }

    static func isPowerOfTwo(_ n: UInt64) -> Bool {
        n != 0 && n & (n - 1) == 0
    }
}
