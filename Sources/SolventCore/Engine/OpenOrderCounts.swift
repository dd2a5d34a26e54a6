/// How many open orders (stops included) each account has on each market, for `MAX_NUM_ORDERS`.
///
/// Touched on every placement and every close, so it is an open-addressing table with linear
/// probing and a multiplicative hash instead of a `Dictionary`, whose seeded SipHash cost about
/// 10 % of the benchmark. Keys pack (account, market) into one word; 0 marks an empty slot.
struct OpenOrderCounts: Equatable {
    private var keys: [UInt64]
    private var counts: [Int32]
    private(set) var occupied = 0

    init() {
        keys = Array(repeating: 0, count: 64)
        counts = Array(repeating: 0, count: 64)
    }

    subscript(account: AccountId, market: MarketId) -> Int32 {
        let key = Self.key(account, market)
        var slot = home(key)
        while keys[slot] != 0 {
            if keys[slot] == key { return counts[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return 0
    }

    mutating func increment(_ account: AccountId, _ market: MarketId) {
        if (occupied + 1) * 2 > keys.count { grow() }
        let key = Self.key(account, market)
        var slot = home(key)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        if keys[slot] == 0 {
            keys[slot] = key
            occupied += 1
        }
        counts[slot] += 1
    }

    mutating func decrement(_ account: AccountId, _ market: MarketId) {
        let key = Self.key(account, market)
        var slot = home(key)
        while keys[slot] != key {
            precondition(keys[slot] != 0, "decrementing a count that is not there")
            slot = (slot + 1) & (keys.count - 1)
        }
        counts[slot] -= 1
        if counts[slot] == 0 { remove(at: slot) }
    }

    /// Every (account, market, count), in no particular order.
    var entries: [(account: AccountId, market: MarketId, count: Int32)] {
        keys.indices.filter { keys[$0] != 0 }.map { slot in
            let key = keys[slot] - 1
            return (AccountId(truncatingIfNeeded: key >> 16), MarketId(truncatingIfNeeded: key), counts[slot])
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries.sorted { ($0.account, $0.market) < ($1.account, $1.market) }.elementsEqual(
            rhs.entries.sorted { ($0.account, $0.market) < ($1.account, $1.market) }) { $0 == $1 }
    }

    // MARK: Table mechanics

    private static func key(_ account: AccountId, _ market: MarketId) -> UInt64 {
        (UInt64(account) << 16 | UInt64(market)) + 1
    }

    private func home(_ key: UInt64) -> Int {
        // Fibonacci hashing: the top bits of key × 2^64/φ spread consecutive keys evenly.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - keys.count.trailingZeroBitCount))
    }

    /// Backward-shift deletion keeps every probe chain unbroken without tombstones.
    private mutating func remove(at start: Int) {
        var hole = start
        var slot = (start + 1) & (keys.count - 1)
        while keys[slot] != 0 {
            let wanted = home(keys[slot])
            // Move the entry back if its home is not within (hole, slot], cyclically.
            if (slot > hole && (wanted <= hole || wanted > slot)) || (slot < hole && wanted <= hole && wanted > slot) {
                keys[hole] = keys[slot]
                counts[hole] = counts[slot]
                hole = slot
            }
            slot = (slot + 1) & (keys.count - 1)
        }
        keys[hole] = 0
        counts[hole] = 0
        occupied -= 1
    }

    private mutating func grow() {
        let old = zip(keys, counts).filter { $0.0 != 0 }
        keys = Array(repeating: 0, count: keys.count * 2)
        counts = Array(repeating: 0, count: keys.count)
        for (key, count) in old {
            var slot = home(key)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            counts[slot] = count
        }
    }
}
