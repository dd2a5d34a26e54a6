import SolventCore
import SolventWire

/// One diff-depth stream of one market (100 ms or 1000 ms): the levels touched since the last
/// event, and the last update id it reported. Each event starts where the previous ended, so
/// `U == previous u + 1` always; an interval in which the counter moved gets an event even if
/// every level it touched ended as it was (spec §5.5).
///
/// It tracks only while someone listens: the first subscriber starts it at the book's update
/// id of that moment, so the first event it sees begins right after it.
struct DepthDiff {
    private(set) var isActive = false
    private(set) var lastUpdateId: UInt64 = 0
    private var touched: Set<StreamBook.LevelKey> = []

    mutating func start(at updateId: UInt64) {
        isActive = true
        lastUpdateId = updateId
        touched.removeAll()
    }

    mutating func stop() {
        isActive = false
        touched.removeAll()
    }

    mutating func note(_ changed: [StreamBook.LevelKey]) {
        guard isActive else { return }
        touched.formUnion(changed)
    }

    /// The event covering everything since the last one, or nil when the book did not change.
    mutating func flush(_ book: StreamBook, eventTime: Timestamp, market: MarketNames) -> [UInt8]? {
        guard isActive, book.updateId > lastUpdateId else { return nil }
        var bids: [DepthLevel] = [], asks: [DepthLevel] = []
        for key in touched {
            let level = DepthLevel(price: key.price, quantity: book.side(key.side).quantity(at: key.price))
            if key.side == .buy { bids.append(level) } else { asks.append(level) }
        }
        bids.sort { $0.price > $1.price }
        asks.sort { $0.price < $1.price }
        let payload = StreamDepthJSON.diff(firstUpdateId: Int64(lastUpdateId + 1), lastUpdateId: Int64(book.updateId),
                                           bids: bids, asks: asks, eventTime: eventTime, market: market)
        lastUpdateId = book.updateId
        touched.removeAll(keepingCapacity: true)
        return payload
    }
}
