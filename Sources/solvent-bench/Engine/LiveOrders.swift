import SolventCore

/// A resting GTC order as the workload generator remembers it, in ticks and lots.
struct TrackedOrder: Sendable {
    var id: OrderId
    var account: AccountId
    var side: Side
    var priceTicks: Int64
    var quantityLots: Int64
    var remainingLots: Int64
}

/// The generator's live resting orders in placement order, so that "a random order among the 512
/// oldest" is cheap: exchange-core walks a LinkedHashMap for it; here a Fenwick tree over placement
/// slots counts the live ones and finds the k-th in O(log n).
///
/// A moved order keeps its slot (exchange-core's move keeps its map entry) even though the
/// cancel-replace gives it a new id: `rekey` changes the id in place.
struct LiveOrders: Sendable {
    private var slots: [TrackedOrder] = []
    private var alive: [Bool] = []
    private var tree: [Int32] = [0]          // 1-based Fenwick tree over `alive`
    private var slotById: [OrderId: Int] = [:]
    private(set) var count = 0
    private(set) var buyCount = 0
    private(set) var sellCount = 0

    init(capacity: Int = 1024) {
        reset(capacity: capacity, keeping: [])
    }

    var isEmpty: Bool { count == 0 }

    func count(_ side: Side) -> Int { side == .buy ? buyCount : sellCount }

    func slot(of id: OrderId) -> Int? { slotById[id] }

    subscript(slot: Int) -> TrackedOrder {
        get {
            assert(alive[slot], "slot \(slot) is not live")
            return slots[slot]
        }
        set {
            assert(alive[slot] && newValue.id == slots[slot].id && newValue.side == slots[slot].side,
                   "an update keeps the slot's order and side")
            slots[slot] = newValue
        }
    }

    /// Remembers a newly resting order as the youngest.
    mutating func append(_ order: TrackedOrder) {
        precondition(slotById[order.id] == nil, "order \(order.id) is already tracked")
        if slots.count == tree.count - 1 { compact() }
        let slot = slots.count
        slots.append(order)
        alive.append(true)
        slotById[order.id] = slot
        add(1, at: slot)
        adjustSideCount(order.side, by: 1)
    }

    /// Forgets an order that left the book; `nil` if it was not tracked.
    @discardableResult
    mutating func remove(_ id: OrderId) -> TrackedOrder? {
        guard let slot = slotById.removeValue(forKey: id) else { return nil }
        return kill(slot)
    }

    /// Detaches the id from its slot (the order is being replaced) without freeing the slot.
    mutating func detach(_ id: OrderId) -> Int? {
        slotById.removeValue(forKey: id)
    }

    /// Gives a detached slot the replacement's id and state.
    mutating func rekey(_ slot: Int, to order: TrackedOrder) {
        precondition(alive[slot] && slotById[order.id] == nil, "rekey needs a live slot and a new id")
        assert(order.side == slots[slot].side, "a move keeps the side")
        slots[slot] = order
        slotById[order.id] = slot
    }

    /// Frees a slot whose order is gone (a detached slot whose replacement never rested).
    @discardableResult
    mutating func kill(_ slot: Int) -> TrackedOrder {
        precondition(alive[slot], "slot \(slot) is already free")
        alive[slot] = false
        add(-1, at: slot)
        adjustSideCount(slots[slot].side, by: -1)
        return slots[slot]
    }

    /// Slot of the `rank`-th live order, oldest first (rank 0 is the oldest).
    func slot(ofRank rank: Int) -> Int {
        precondition(rank >= 0 && rank < count, "rank \(rank) outside 0..<\(count)")
        var position = 0, remaining = Int32(rank + 1)
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            let next = position + step
            if next < tree.count && tree[next] < remaining {
                position = next
                remaining -= tree[next]
            }
            step /= 2
        }
        assert(alive[position], "the Fenwick walk must land on a live slot")
        return position   // 1-based `position + 1` is the answer; as a 0-based slot it is `position`
    }

    /// Every live order, oldest first.
    var orders: [TrackedOrder] {
        slots.indices.filter { alive[$0] }.map { slots[$0] }
    }

    private mutating func add(_ delta: Int32, at slot: Int) {
        var index = slot + 1
        while index < tree.count {
            tree[index] += delta
            index += index & -index
        }
        count += Int(delta)
    }

    private mutating func adjustSideCount(_ side: Side, by delta: Int) {
        if side == .buy { buyCount += delta } else { sellCount += delta }
    }

    /// Drops dead slots, keeping order, and makes room for at least as many again.
    private mutating func compact() {
        let live = orders
        reset(capacity: max(1024, live.count * 4), keeping: live)
    }

    private mutating func reset(capacity: Int, keeping live: [TrackedOrder]) {
        slots = []; slots.reserveCapacity(capacity)
        alive = []; alive.reserveCapacity(capacity)
        tree = Array(repeating: 0, count: capacity + 1)
        slotById = Dictionary(minimumCapacity: capacity)
        count = 0; buyCount = 0; sellCount = 0
        for order in live { append(order) }
    }
}
