/// The order book the matching engine runs on: orders in a pool of slots, each price level a FIFO
/// linked through those slots, an open-addressing id table, and per side a price ladder whose
/// tick window ranks the levels near the touch by bit position.
///
/// Costs: best price O(1). Insert O(1): an id-table insert, a pool slot, and the level found (or
/// created) by arithmetic on its price. Cancel O(1): the slot knows its level. A level created or
/// emptied inside the ladder's tick window is a bit set or cleared; outside it (far from the
/// touch, or off the tick grid) it costs O(log k + k) in a sorted array of the k such levels.
/// Matching at the front is O(1), and so is finding the next best level when one empties.
/// Nothing allocates once the pools have grown to the book's size, except when the ladder moves
/// its window after the market drifted (O(levels), amortized over many inserts).
///
/// Measured in release on the 2-vCPU benchmark machine, 1,000 orders on ~490 levels with the
/// benchmark workload's prices: insert + cancel of one order ≈ 50 ns, insert + cancel of a random
/// older one ≈ 60 ns, removeFront ≈ 28 ns — mostly cache misses on the 192-byte order slots and
/// the id table. Memory: ≈ 270 bytes an order (192-byte slot, links, four id-table entries),
/// pools grown by doubling, and per side at most 4⅛ bytes a tick of window (≤ 256 bytes a level).
///
/// A value, like `ReferenceBook`: copying a book and changing the copy never changes the
/// original. Copies share storage until one of them mutates; every mutating entry point calls
/// `makeUnique()` once, and then edits its buffers in place through pointers with no further
/// checks (see `PlainBuffer` for why that matters).
///
/// `@unchecked Sendable` on the same terms as `Array`: shared storage is only ever read, and a
/// write happens only after the uniqueness check proved no other value can see it.
public struct FastBook: OrderBook, @unchecked Sendable {
    private(set) var pool = OrderPool()
    private(set) var ids = OrderIdTable()
    private(set) var levels = LevelPool()
    private(set) var bids = PriceLadder(side: .buy)
    private(set) var asks = PriceLadder(side: .sell)

    public init() {}

    public var count: Int { pool.liveCount }

    public func bestPrice(_ side: Side) -> Price? {
        side == .buy ? bids.bestPrice : asks.bestPrice
    }

    public func order(_ id: OrderId) -> Order? {
        let slot = ids.find(id)
        return slot == OrderIdTable.absent ? nil : pool[order: slot]
    }

    public mutating func insert(_ order: Order) {
        assert(order.visibleQuantity > 0, "order \(order.id) rests with nothing visible")
        makeUnique()
        let level = findOrAddLevel(order.side, order.price)
        let slot = pool.allocate(order, level: level)
        ids.insert(order.id, slot)
        append(slot, to: level)
    }

    @discardableResult
    public mutating func remove(_ id: OrderId) -> Order? {
        makeUnique()
        let slot = ids.remove(id)
        return slot == noSlot ? nil : unlinkAndFree(slot)
    }

    public mutating func update<R>(_ id: OrderId, _ body: (inout Order) -> R) -> R? {
        makeUnique()
        let slot = ids.find(id)
        return slot == noSlot ? nil : edit(slot, body)
    }

    public mutating func updateFront<R>(_ side: Side, _ body: (inout Order) -> R) -> R? {
        makeUnique()
        let level = bestLevel(side)
        return level == noLevel ? nil : edit(levels[level].head, body)
    }

    @discardableResult
    public mutating func removeFront(_ side: Side) -> Order? {
        makeUnique()
        let level = bestLevel(side)
        guard level != noLevel else { return nil }
        let slot = levels[level].head
        let removed = ids.remove(pool[order: slot].id)
        assert(removed == slot, "id table and level \(level) disagree about slot \(slot)")
        return unlinkAndFree(slot)
    }

    public mutating func rotateFront(_ side: Side) {
        makeUnique()
        let level = bestLevel(side)
        guard level != noLevel, levels[level].count > 1 else { return }
        let slot = levels[level].head
        unlink(slot, from: level)
        append(slot, to: level)
    }

    public func forEach(_ side: Side, _ body: (Order) -> Bool) {
        let visitLevel = { (level: LevelIndex, _: Price) -> Bool in
            var slot = levels[level].head
            while slot != noSlot {
                if !body(pool[order: slot]) { return false }
                slot = pool[links: slot].next
            }
            return true
        }
        if side == .buy { bids.visitFromBest(visitLevel) } else { asks.visitFromBest(visitLevel) }
    }

    /// Number of occupied price levels on `side`.
    public func levelCount(_ side: Side) -> Int {
        side == .buy ? bids.count : asks.count
    }

    // MARK: - Value semantics

    /// Gives this value storage of its own if any other copy shares it. The parts' buffers are
    /// only ever shared together (by copying the whole book), so the pool's owner answers for all;
    /// debug builds check that the others agree.
    private mutating func makeUnique() {
        if _fastPath(pool.ordersAreUniquelyOwned()) {
            assert(pool.isUniquelyOwned() && ids.isUniquelyOwned() && levels.isUniquelyOwned()
                   && bids.isUniquelyOwned() && asks.isUniquelyOwned(), "book storage shared piecemeal")
            return
        }
        pool = pool.copy()
        ids = ids.copy()
        levels = levels.copy()
        bids = bids.copy()
        asks = asks.copy()
    }

    // MARK: - Levels and their FIFOs

    // The two ladders are chosen by explicit branches rather than a `_read`/`_modify` subscript:
    // an accessor coroutine that fails to inline copies the ladder (retains) or allocates a frame.

    private func bestLevel(_ side: Side) -> LevelIndex {
        side == .buy ? bids.bestLevel : asks.bestLevel
    }

    /// The level at `price` on `side`, created (empty) if the side has none there.
    private mutating func findOrAddLevel(_ side: Side, _ price: Price) -> LevelIndex {
        let existing = side == .buy ? bids.level(at: price) : asks.level(at: price)
        if existing != noLevel { return existing }
        let level = levels.allocate(price: price, side: side)
        if side == .buy {
            bids.insert(level, price: price)
        } else {
            asks.insert(level, price: price)
        }
        return level
    }

    /// Puts `slot` at the back of `level`'s FIFO.
    private mutating func append(_ slot: Slot, to level: LevelIndex) {
        let tail = levels[level].tail
        pool[links: slot].prev = tail
        pool[links: slot].next = noSlot
        if tail == noSlot {
            levels[level].head = slot
        } else {
            pool[links: tail].next = slot
        }
        levels[level].tail = slot
        levels[level].count += 1
    }

    /// Takes `slot` out of `level`'s FIFO, leaving the level in place even if it is now empty.
    private mutating func unlink(_ slot: Slot, from level: LevelIndex) {
        let links = pool[links: slot]
        if links.prev == noSlot {
            levels[level].head = links.next
        } else {
            pool[links: links.prev].next = links.next
        }
        if links.next == noSlot {
            levels[level].tail = links.prev
        } else {
            pool[links: links.next].prev = links.prev
        }
        levels[level].count -= 1
    }

    /// Unlinks the order in `slot` (whose id is already out of the table), drops its level if it
    /// was the last order there, and returns the order.
    private mutating func unlinkAndFree(_ slot: Slot) -> Order {
        let level = pool[links: slot].level
        unlink(slot, from: level)
        if levels[level].count == 0 {
            if levels[level].side == .buy {
                bids.remove(level, price: levels[level].price)
            } else {
                asks.remove(level, price: levels[level].price)
            }
            levels.free(level)
        }
        let order = pool[order: slot]
        pool.free(slot)
        return order
    }

    private mutating func edit<R>(_ slot: Slot, _ body: (inout Order) -> R) -> R {
        let id = pool[order: slot].id
        let side = pool[order: slot].side
        let price = pool[order: slot].price
        let result = body(&pool[order: slot])
        precondition(pool[order: slot].id == id && pool[order: slot].side == side && pool[order: slot].price == price,
                     "a book update must not move the order")
        return result
    }
}
