import SolventCore
import SolventWire

/// A market's book as the streams publish it: levels aggregated from the order events of
/// durable commands, and the update id (spec §5.5) that counts every level change. It is
/// rebuilt from events alone, so it needs no read of the engine: each command's order events
/// are reduced to every touched order's state after the command, and each order's visible
/// quantity on the book follows from that state (`RestingQuantity`).
struct StreamBook {
    /// A level that changed in one command: which side, which price.
    struct LevelKey: Hashable, Sendable {
        var side: Side
        var price: Price
    }

    private struct Resting {
        var side: Side
        var price: Price
        var visible: Quantity
    }

    /// Counts level changes since the server started this market's stream state.
    private(set) var updateId: UInt64
    private(set) var bids = BookSide(side: .buy)
    private(set) var asks = BookSide(side: .sell)
    private var resting: [OrderId: Resting] = [:]
    // Scratch space reused by every command, so absorbing one allocates nothing.
    private var lastEvents: [OrderId: OrderEvent] = [:]
    private var deltas: [LevelKey: Quantity] = [:]

    init(updateId: UInt64 = 0) {
        self.updateId = updateId
    }

    /// Starts from the engine's open orders (at server start, before any command runs).
    mutating func seed(_ orders: [Order]) {
        for order in orders where order.visibleQuantity > 0 {
            resting[order.id] = Resting(side: order.side, price: order.price, visible: order.visibleQuantity)
            if order.side == .buy {
                bids.add(order.visibleQuantity, at: order.price)
            } else {
                asks.add(order.visibleQuantity, at: order.price)
            }
        }
    }

    func side(_ side: Side) -> BookSide {
        side == .buy ? bids : asks
    }

    /// Applies one command's order events; returns the levels whose quantity changed (each
    /// has taken one update id, in the order of `changed`).
    mutating func apply(_ events: some Sequence<OrderEvent>, changed: inout [LevelKey]) {
        lastEvents.removeAll(keepingCapacity: true)
        for event in events { lastEvents[event.order.id] = event }
        guard !lastEvents.isEmpty else { return }
        deltas.removeAll(keepingCapacity: true)
        for (id, event) in lastEvents {
            let now = RestingQuantity.after(event)
            let before = resting[id]
            if let before { deltas[LevelKey(side: before.side, price: before.price), default: 0] -= before.visible }
            if now > 0 {
                deltas[LevelKey(side: event.order.side, price: event.order.price), default: 0] += now
                resting[id] = Resting(side: event.order.side, price: event.order.price, visible: now)
            } else if before != nil {
                resting[id] = nil
            }
        }
        // Sorted so the ids a command takes do not depend on dictionary order.
        for (key, delta) in deltas.sorted(by: { ($0.key.side.rawValue, $0.key.price) < ($1.key.side.rawValue, $1.key.price) })
            where delta != 0 {
            if key.side == .buy { bids.add(delta, at: key.price) } else { asks.add(delta, at: key.price) }
            updateId += 1
            changed.append(key)
        }
    }
}
