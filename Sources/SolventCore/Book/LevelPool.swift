/// Index of a `PriceLevel` record in a `LevelPool`; `noLevel` is the null value.
typealias LevelIndex = Int32

let noLevel: LevelIndex = -1

/// One occupied price on one side: a FIFO of orders threaded through `OrderPool` links.
struct PriceLevel {
    var price: Price
    /// Oldest order (matched first). On the free list: the next free record.
    var head: Slot
    /// Youngest order (the one an insert goes behind).
    var tail: Slot
    var count: Int32
    var side: Side
}

/// Price-level records at stable indexes, with a free list.
///
/// Why a pool of its own rather than records inside the `PriceLadder`: an order's slot remembers
/// its level, so a cancel finds head, tail and count in O(1) without looking the price up, and the
/// ladder holds a 4-byte index per tick instead of a 24-byte record. The ladder's placement of a
/// level may move (when its window is rebuilt); the record never does.
struct LevelPool {
    private var records: PlainBuffer<PriceLevel>
    private(set) var liveCount = 0
    private var usedCount = 0
    private var freeHead = noLevel

    init(capacity: Int = 16) {
        precondition(capacity > 0 && capacity <= Int(Int32.max), "level pool capacity \(capacity)")
        records = PlainBuffer(capacity: capacity)
    }

    subscript(level: LevelIndex) -> PriceLevel {
        _read { yield records[level] }
        _modify { yield &records[level] }
    }

    /// A new, empty level at `price` on `side`.
    mutating func allocate(price: Price, side: Side) -> LevelIndex {
        let level: LevelIndex
        if freeHead != noLevel {
            level = freeHead
            freeHead = records[level].head
        } else {
            if usedCount == records.capacity { grow() }
            level = LevelIndex(usedCount)
            usedCount += 1
        }
        records[level] = PriceLevel(price: price, head: noSlot, tail: noSlot, count: 0, side: side)
        liveCount += 1
        return level
    }

    /// Returns an emptied level's record to the free list.
    mutating func free(_ level: LevelIndex) {
        assert(records[level].count == 0 && records[level].head == noSlot, "level \(level) freed while holding orders")
        records[level].head = freeHead
        records[level].count = -1
        freeHead = level
        liveCount -= 1
    }

    mutating func isUniquelyOwned() -> Bool {
        records.isUniquelyOwned()
    }

    func copy() -> LevelPool {
        var result = self
        result.records = records.copy(count: usedCount, capacity: records.capacity)
        return result
    }

    private mutating func grow() {
        let newCapacity = records.capacity * 2
        precondition(newCapacity <= Int(Int32.max), "level pool beyond \(Int32.max) records")
        records = records.copy(count: usedCount, capacity: newCapacity)
    }
}
