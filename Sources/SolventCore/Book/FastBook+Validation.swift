extension FastBook {
    /// Checks every structural invariant, trapping with a message on the first one broken.
    ///
    /// O(capacity): for tests and for an on-demand audit, never for the hot path. Exchange-core
    /// gives both its books such a check; the differential test calls it every few hundred ops.
    func validateInternalState() {
        var seen = 0
        for side in Side.allCases {
            let ladder = side == .buy ? bids : asks
            precondition(ladder.side == side, "\(side) ladder labelled \(ladder.side)")
            ladder.validate()
            ladder.visitFromBest { level, price in
                seen += validateLevel(level, side: side, price: price)
                return true
            }
        }
        precondition(seen == count, "levels hold \(seen) orders, pool \(count)")
        precondition(ids.count == count, "id table holds \(ids.count) ids, pool \(count)")
        precondition(levels.liveCount == bids.count + asks.count,
                     "\(levels.liveCount) live level records for \(bids.count + asks.count) ladder entries")
        precondition(pool.freeListLength() + pool.liveCount == pool.usedCount, "free list loses slots")
        ids.forEachEntry { id, slot in
            precondition(Int(slot) < pool.usedCount && pool[links: slot].level != noLevel, "id \(id) maps to free slot \(slot)")
            precondition(pool[order: slot].id == id, "id \(id) maps to slot \(slot) holding \(pool[order: slot].id)")
        }
    }

    /// Walks one level's FIFO both ways; returns its order count.
    private func validateLevel(_ level: LevelIndex, side: Side, price: Price) -> Int {
        let record = levels[level]
        precondition(record.side == side && record.price == price, "level \(level) is \(record.side) \(record.price), ladder says \(side) \(price)")
        precondition(record.count > 0, "empty level \(level) left on the \(side) ladder at \(price)")
        var length: Int32 = 0
        var previous = noSlot
        var slot = record.head
        while slot != noSlot {
            precondition(length < record.count, "level \(level) FIFO longer than its count \(record.count)")
            let links = pool[links: slot]
            precondition(links.level == level && links.prev == previous, "slot \(slot) mislinked in level \(level)")
            let order = pool[order: slot]
            precondition(order.side == side && order.price == price, "order \(order.id) at \(order.side) \(order.price) in level \(side) \(price)")
            precondition(ids.find(order.id) == slot, "order \(order.id) in slot \(slot) not found by id")
            length += 1
            previous = slot
            slot = links.next
        }
        precondition(length == record.count && record.tail == previous, "level \(level) count or tail wrong")
        return Int(length)
    }
}
