/// A slot number in an `OrderPool`; `noSlot` is the null link.
typealias Slot = Int32

let noSlot: Slot = -1

/// Where a resting order sits in its price level's FIFO.
struct SlotLinks {
    /// Older neighbour in the level, `noSlot` at the front. On the free list: unused.
    var prev: Slot
    /// Younger neighbour in the level, `noSlot` at the back. On the free list: next free slot.
    var next: Slot
    /// The `LevelPool` record of the order's price level; `noLevel` while the slot is free.
    var level: LevelIndex
}

/// Every resting order of a book, in contiguous storage addressed by `Slot`, with a free list so
/// a cancel followed by an insert reuses memory instead of allocating.
///
/// The links live in their own dense array beside the orders, not inside each order's slot:
/// an `Order` is 185 bytes (stride 192, exactly three cache lines when aligned), and linking or
/// unlinking touches the *neighbours'* links, which then share lines 5 to a line instead of
/// dragging in a neighbour's 200-byte slot.
struct OrderPool {
    private var orders: PlainBuffer<Order>
    private var links: PlainBuffer<SlotLinks>
    /// Slots holding an order.
    private(set) var liveCount = 0
    /// Slots ever handed out; everything at and above is untouched memory.
    private(set) var usedCount = 0
    private var freeHead = noSlot

    init(capacity: Int = 16) {
        precondition(capacity > 0 && capacity <= Int(Int32.max), "pool capacity \(capacity)")
        orders = PlainBuffer(capacity: capacity)
        links = PlainBuffer(capacity: capacity)
    }

    var capacity: Int { orders.capacity }

    /// The order in `slot`, which must be live (or just allocated).
    subscript(order slot: Slot) -> Order {
        _read { yield orders[slot] }
        _modify { yield &orders[slot] }
    }

    /// The FIFO links of `slot`.
    subscript(links slot: Slot) -> SlotLinks {
        _read { yield links[slot] }
        _modify { yield &links[slot] }
    }

    /// Stores `order` in a free slot (growing if none is left) with empty links.
    mutating func allocate(_ order: Order, level: LevelIndex) -> Slot {
        let slot: Slot
        if freeHead != noSlot {
            slot = freeHead
            freeHead = links[slot].next
            assert(links[slot].level == noLevel, "free slot \(slot) still belongs to a level")
        } else {
            if usedCount == capacity { grow() }
            slot = Slot(usedCount)
            usedCount += 1
        }
        orders[slot] = order
        links[slot] = SlotLinks(prev: noSlot, next: noSlot, level: level)
        liveCount += 1
        return slot
    }

    /// Puts `slot` on the free list; its order must already be unlinked from its level.
    mutating func free(_ slot: Slot) {
        assert(links[slot].level != noLevel, "slot \(slot) freed twice")
        links[slot] = SlotLinks(prev: noSlot, next: freeHead, level: noLevel)
        freeHead = slot
        liveCount -= 1
    }

    /// Whether the orders are shared with no other pool: one check that stands for the whole
    /// book's storage, since the book's parts are only ever shared together.
    mutating func ordersAreUniquelyOwned() -> Bool {
        orders.isUniquelyOwned()
    }

    mutating func isUniquelyOwned() -> Bool {
        orders.isUniquelyOwned() && links.isUniquelyOwned()
    }

    /// A pool with the same slots, free list included, in storage of its own.
    func copy() -> OrderPool {
        var result = self
        result.orders = orders.copy(count: usedCount, capacity: capacity)
        result.links = links.copy(count: usedCount, capacity: capacity)
        return result
    }

    /// Number of slots on the free list, by walking it (for validation).
    func freeListLength() -> Int {
        var length = 0
        var slot = freeHead
        while slot != noSlot {
            precondition(length < usedCount, "free list cycles")
            precondition(links[slot].level == noLevel, "slot \(slot) is both free and live")
            length += 1
            slot = links[slot].next
        }
        return length
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        precondition(newCapacity <= Int(Int32.max), "order pool beyond \(Int32.max) slots")
        orders = orders.copy(count: usedCount, capacity: newCapacity)
        links = links.copy(count: usedCount, capacity: newCapacity)
    }
}
