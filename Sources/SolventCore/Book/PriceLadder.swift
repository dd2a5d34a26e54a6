/// One side's occupied prices: which level record sits at each, and their priority order.
///
/// Two parts:
/// - `window`, a bitset with a level per bit over up to `TickWindow.maximumBitCount` ticks placed
///   around the best price: the levels near the touch, where nearly all activity is, found,
///   added, removed and ranked in O(1);
/// - `outliers`, a sorted array: the rest (far from the touch, or off the window's tick grid),
///   O(log k) to find and O(k) to add or remove, k being the number of outliers.
///
/// The best level is cached. When more levels pile up in `outliers` than were there after the
/// last placement (the touch drifted, or the side outgrew the small-book phase in which it has no
/// window at all), the window is rebuilt around the current best: O(levels + window), amortized
/// over at least `outlierSlack` outlier inserts. A small book never allocates a window.
///
/// Keys order both sides alike, best highest: `key = UInt64(bitPattern: price ^ flip) ^ 2^63`,
/// where `flip` is 0 for bids and all ones for asks (`~price` reverses the order and, unlike
/// negation, is defined for every `Int64`; the top-bit flip maps signed order onto unsigned).
struct PriceLadder {
    /// Outliers tolerated beyond those left by the last placement before the window moves; also
    /// the size up to which a side manages with its sorted array alone.
    static let outlierSlack = 16
    /// How many of the best levels decide the window's tick spacing.
    static let gridSampleLevels = 64

    let side: Side
    private let flip: Int64
    private var window = TickWindow()
    private var outliers = SortedLevels()
    /// Fewest outliers since the window was last placed.
    private var outliersLowWater = 0
    private(set) var count = 0
    private(set) var bestLevel = noLevel
    private var bestKey: UInt64 = 0
    /// Times the window was placed (for tests and diagnostics).
    private(set) var placements = 0

    /// The tick grid of the current window (for tests and diagnostics).
    var windowSpacing: UInt64 { window.spacing }

    init(side: Side) {
        self.side = side
        flip = side == .buy ? 0 : ~0
    }

    var bestPrice: Price? { bestLevel == noLevel ? nil : price(bestKey) }

    /// The level at `price`, `noLevel` when there is none.
    func level(at price: Price) -> LevelIndex {
        let key = key(price)
        if let bit = window.bit(for: key) { return window.level(at: bit) }
        return outliers.level(for: key)
    }

    /// Adds `level` at `price`, where there is no level yet.
    mutating func insert(_ level: LevelIndex, price: Price) {
        let key = key(price)
        count += 1
        if bestLevel == noLevel || key > bestKey {
            bestLevel = level
            bestKey = key
        }
        if let bit = window.bit(for: key) {
            window.insert(level, at: bit)
        } else {
            outliers.insert(level, key: key)
            if outliers.count > outliersLowWater + Self.outlierSlack { placeWindow() }
        }
    }

    /// Removes `level`, which is at `price`.
    mutating func remove(_ level: LevelIndex, price: Price) {
        let key = key(price)
        if let bit = window.bit(for: key) {
            precondition(window.level(at: bit) == level, "\(side) level at \(price) is not \(level)")
            window.remove(at: bit)
        } else {
            let removed = outliers.remove(key)
            precondition(removed == level, "\(side) level at \(price) is \(removed), not \(level)")
            outliersLowWater = Swift.min(outliersLowWater, outliers.count)
        }
        count -= 1
        if level == bestLevel { findBest() }
    }

    /// Calls `body` with each level and its price from the best outward, until it returns false.
    func visitFromBest(_ body: (LevelIndex, Price) -> Bool) {
        // Merge the window (highest bit first) with the outliers (last first).
        var bit = window.highest()
        var index = outliers.count - 1
        while bit != nil || index >= 0 {
            if let windowBit = bit, index < 0 || window.key(ofBit: windowBit) > outliers.key(at: index) {
                if !body(window.level(at: windowBit), price(window.key(ofBit: windowBit))) { return }
                bit = window.highest(below: windowBit)
            } else {
                if !body(outliers.level(at: index), price(outliers.key(at: index))) { return }
                index -= 1
            }
        }
    }

    mutating func isUniquelyOwned() -> Bool {
        outliers.isUniquelyOwned() && window.isUniquelyOwned()
    }

    func copy() -> PriceLadder {
        var result = self
        result.window = window.copy()
        result.outliers = outliers.copy()
        return result
    }

    /// Checks the parts against each other and the order from the best (for validation).
    func validate() {
        window.validate()
        outliers.validate()
        precondition(window.count + outliers.count == count,
                     "\(side) ladder: \(window.count) + \(outliers.count) levels, count \(count)")
        var visited = 0
        var previous: UInt64? = nil
        visitFromBest { level, price in
            precondition(self.level(at: price) == level, "\(side) level \(level) not found at \(price)")
            precondition(previous.map { key(price) < $0 } ?? (level == bestLevel && key(price) == bestKey),
                         "\(side) ladder out of order at \(price)")
            previous = key(price)
            visited += 1
            return true
        }
        precondition(visited == count && (count > 0) == (bestLevel != noLevel), "\(side) ladder visits \(visited) of \(count)")
    }

    // MARK: - Keys, the best level, the window's placement

    private func key(_ price: Price) -> UInt64 {
        UInt64(bitPattern: price ^ flip) ^ (1 << 63)
    }

    private func price(_ key: UInt64) -> Price {
        Int64(bitPattern: key ^ (1 << 63)) ^ flip
    }

    /// Finds the best level after the cached one went.
    private mutating func findBest() {
        let windowBit = window.highest()
        if let outlierKey = outliers.bestKey, windowBit.map({ outlierKey > window.key(ofBit: $0) }) ?? true {
            bestKey = outlierKey
            bestLevel = outliers.bestLevel
        } else if let windowBit {
            bestKey = window.key(ofBit: windowBit)
            bestLevel = window.level(at: windowBit)
        } else {
            bestLevel = noLevel
        }
    }

    /// Rebuilds the window around the best price: its tick spacing is the grid the best levels
    /// share, it reaches three quarters of its span behind the best and a quarter ahead, and it
    /// is as small as covers every level (within the maximum).
    private mutating func placeWindow() {
        let spacing = gridSpacing()
        let bitCount = windowBitCount(spacing: spacing)
        let (behind, overflow) = UInt64(bitCount * 3 / 4).multipliedReportingOverflow(by: spacing)
        let base = overflow || behind > bestKey ? 0 : bestKey - behind
        var placed = TickWindow(base: base, spacing: spacing, bitCount: bitCount)
        var rest = SortedLevels(capacity: Swift.max(8, outliers.count))
        var bit = window.lowest()
        var index = 0
        // Merge the old window and outliers in ascending order, so the new outliers append.
        while bit != nil || index < outliers.count {
            let key: UInt64, level: LevelIndex
            if let windowBit = bit, index == outliers.count || window.key(ofBit: windowBit) < outliers.key(at: index) {
                key = window.key(ofBit: windowBit)
                level = window.level(at: windowBit)
                bit = window.lowest(above: windowBit)
            } else {
                key = outliers.key(at: index)
                level = outliers.level(at: index)
                index += 1
            }
            if let newBit = placed.bit(for: key) { placed.insert(level, at: newBit) } else { rest.append(level, key: key) }
        }
        window = placed
        outliers = rest
        outliersLowWater = rest.count
        placements += 1
    }

    /// Enough bits for 4/3 of the ticks from the worst level to the best, but no more than 64 per
    /// level (memory stays ≤ 256 bytes a level), as a power of two within the window's limits.
    private func windowBitCount(spacing: UInt64) -> Int {
        var worstKey = bestKey
        visitFromBest { _, price in
            worstKey = key(price)
            return true
        }
        let ticks = Swift.min((bestKey - worstKey) / spacing, UInt64(TickWindow.maximumBitCount))
        let wanted = Swift.min(Int(ticks) * 4 / 3 + 1, count * 64)
        let powerOfTwo = 1 << (Int.bitWidth - (wanted - 1).leadingZeroBitCount)
        return Swift.min(Swift.max(TickWindow.minimumBitCount, powerOfTwo), TickWindow.maximumBitCount)
    }

    /// The largest spacing dividing every gap between the best key and the next best ones (their
    /// tick, in practice), 1 if there is only one level. A level off the grid near the best
    /// shrinks it, down to 1 unit at worst: the window then spans fewer prices, which costs speed,
    /// never correctness.
    private func gridSpacing() -> UInt64 {
        var spacing: UInt64 = 0
        var sampled = 0
        visitFromBest { _, price in
            spacing = greatestCommonDivisor(spacing, bestKey - key(price))
            sampled += 1
            return sampled < Self.gridSampleLevels && spacing != 1
        }
        return Swift.max(spacing, 1)
    }
}

/// Euclid's algorithm; gcd(0, b) = b.
func greatestCommonDivisor(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
