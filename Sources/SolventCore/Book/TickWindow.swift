/// A two-level bitset over a window of evenly spaced keys, with the level record of each set
/// bit: which prices near the touch hold a level, which level that is, and the highest, each in a
/// few instructions.
///
/// Why: ordering levels by comparison costs a search per new or emptied level, and on the
/// benchmark workload (a new price ranks anywhere among ~400 levels) that search and the array
/// moves behind it cost more than everything else in the book together; a hash table from price
/// to level cost a probe (and a likely misprediction) per insert. Prices on a grid map to
/// positions by arithmetic instead: finding, adding and removing a level and finding the best
/// are O(1), and neighbouring prices share cache lines.
///
/// Memory is 4⅛ bytes a tick (a level index and a bit), at most 66 KiB a side; the ladder sizes
/// the window to at most 64 ticks per level it holds. A map in chunks of 64 ticks, allocated per
/// non-empty bitset word, used less memory on sparse books but measured ≈ 12 ns slower per
/// insert + cancel, as levels created and emptied kept recycling chunks.
///
/// Keys are `PriceLadder`'s order-preserving unsigned keys (best highest on both sides). Bit `i`
/// stands for key `base + i · spacing`; the ladder picks `spacing` as the grid the prices near the
/// best share (their tick), so the window spans `bitCount` ticks whatever the price scale.
/// A key off the grid or outside the window has no bit; the ladder keeps those elsewhere.
struct TickWindow {
    static let minimumBitCount = 1_024
    static let maximumBitCount = 16_384

    let base: UInt64
    let spacing: UInt64
    /// ⌈2^64 / spacing⌉: the high half of `offset × reciprocal` is `offset / spacing` whenever
    /// `spacing` divides `offset`, without a division instruction. Unused when `spacing == 1`.
    private let reciprocal: UInt64
    /// A power of two from `minimumBitCount` to `maximumBitCount`; 0 for the unplaced window.
    let bitCount: Int
    private let leafWords: Int
    /// `leafWords` words of level bits, then one summary bit per leaf word (set when it is not 0).
    private var words: PlainBuffer<UInt64>
    /// The level record at each bit, `noLevel` where the bit is clear.
    private var levels: PlainBuffer<LevelIndex>
    /// Set bits.
    private(set) var count = 0

    /// The empty window with no bits, for a side too small to need one.
    init() {
        base = 0
        spacing = 1
        reciprocal = 0
        bitCount = 0
        leafWords = 0
        words = PlainBuffer(capacity: 0)
        levels = PlainBuffer(capacity: 0)
    }

    init(base: UInt64, spacing: UInt64, bitCount: Int) {
        precondition(spacing > 0, "window spacing 0")
        precondition(bitCount.nonzeroBitCount == 1 && (Self.minimumBitCount...Self.maximumBitCount).contains(bitCount),
                     "window of \(bitCount) bits")
        self.base = base
        self.spacing = spacing
        self.bitCount = bitCount
        reciprocal = spacing == 1 ? 0 : UInt64.max / spacing + 1
        leafWords = bitCount / 64
        words = PlainBuffer(capacity: leafWords + (leafWords + 63) / 64)
        words.fill(0, count: words.capacity)
        levels = PlainBuffer(capacity: bitCount)
        levels.fill(noLevel, count: bitCount)
    }

    /// The bit for `key`, `nil` when the key is off the grid or outside the window.
    func bit(for key: UInt64) -> Int? {
        guard words.capacity > 0, key >= base else { return nil }
        let offset = key &- base
        let quotient = spacing == 1 ? offset : offset.multipliedFullWidth(by: reciprocal).high
        guard quotient < UInt64(bitCount), quotient &* spacing == offset else { return nil }
        return Int(quotient)
    }

    func key(ofBit bit: Int) -> UInt64 {
        base &+ UInt64(bit) &* spacing
    }

    /// The level at `bit`, `noLevel` when the bit is clear.
    func level(at bit: Int) -> LevelIndex {
        levels[bit]
    }

    mutating func insert(_ level: LevelIndex, at bit: Int) {
        assert(levels[bit] == noLevel, "bit \(bit) set twice")
        let word = bit >> 6
        words[word] |= 1 << UInt64(bit & 63)
        words[leafWords + word >> 6] |= 1 << UInt64(word & 63)
        levels[bit] = level
        count += 1
    }

    mutating func remove(at bit: Int) {
        assert(levels[bit] != noLevel, "bit \(bit) cleared while clear")
        let word = bit >> 6
        words[word] &= ~(1 << UInt64(bit & 63))
        if words[word] == 0 {
            words[leafWords + word >> 6] &= ~(1 << UInt64(word & 63))
        }
        levels[bit] = noLevel
        count -= 1
    }

    /// The highest set bit below `limit` (all bits by default), `nil` when there is none.
    func highest(below limit: Int? = nil) -> Int? {
        let limit = limit ?? bitCount
        guard count > 0, limit > 0 else { return nil }
        let top = limit - 1
        let leaf = words[top >> 6] & (UInt64.max >> UInt64(63 - top & 63))
        if leaf != 0 { return top & ~63 + 63 - leaf.leadingZeroBitCount }
        // The highest non-empty word below `top`'s word, through the summary.
        var summaryIndex = (top >> 6) >> 6
        let below = (top >> 6) & 63
        var summary = below == 0 ? 0 : words[leafWords + summaryIndex] & (UInt64.max >> UInt64(64 - below))
        while summary == 0 {
            summaryIndex -= 1
            if summaryIndex < 0 { return nil }
            summary = words[leafWords + summaryIndex]
        }
        let word = summaryIndex << 6 + 63 - summary.leadingZeroBitCount
        return word << 6 + 63 - words[word].leadingZeroBitCount
    }

    /// The lowest set bit above `floor` (all bits by default), `nil` when there is none.
    func lowest(above floor: Int = -1) -> Int? {
        guard count > 0, floor < bitCount - 1 else { return nil }
        let bottom = floor + 1
        let leaf = words[bottom >> 6] & (UInt64.max << UInt64(bottom & 63))
        if leaf != 0 { return bottom & ~63 + leaf.trailingZeroBitCount }
        var summaryIndex = (bottom >> 6) >> 6
        let above = (bottom >> 6) & 63
        var summary = above == 63 ? 0 : words[leafWords + summaryIndex] & (UInt64.max << UInt64(above + 1))
        while summary == 0 {
            summaryIndex += 1
            if summaryIndex == words.capacity - leafWords { return nil }
            summary = words[leafWords + summaryIndex]
        }
        let word = summaryIndex << 6 + summary.trailingZeroBitCount
        return word << 6 + words[word].trailingZeroBitCount
    }

    mutating func isUniquelyOwned() -> Bool {
        words.isUniquelyOwned()
    }

    func copy() -> TickWindow {
        var result = self
        result.words = words.copy(count: words.capacity, capacity: words.capacity)
        result.levels = levels.copy(count: levels.capacity, capacity: levels.capacity)
        return result
    }

    /// Checks that the summary matches the leaves, the levels the bits, and `count` the set bits
    /// (for validation).
    func validate() {
        guard bitCount > 0 else { return precondition(count == 0, "unplaced window counts \(count) bits") }
        var bits = 0
        for word in 0..<leafWords {
            bits += words[word].nonzeroBitCount
            let summarized = words[leafWords + word >> 6] & (1 << UInt64(word & 63)) != 0
            precondition(summarized == (words[word] != 0), "window summary wrong for word \(word)")
        }
        for bit in 0..<bitCount {
            let isSet = words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
            precondition(isSet == (levels[bit] != noLevel), "window bit \(bit) and its level disagree")
        }
        precondition(bits == count, "window counts \(count) bits, holds \(bits)")
    }
}
