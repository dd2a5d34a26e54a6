import SolventCore
import SolventJournal
import SolventStore

/// Brings the history store up to the journal before the server starts: the store is a
/// projection, so whatever it lacks (a new database, a crash between a commit and its
/// projection) is recomputed by replaying the journal from genesis and recording the events of
/// the records it has not seen.
enum HistoryCatchUp {
    static let chunk = 1_024

    /// Returns the number of records recorded.
    static func run(directory: String, store: any HistoryStore, log: (String) -> Void) throws -> Int {
        let recordedThrough = try store.lastSequence()
        var exchange = Exchange()
        var pending: [(sequence: UInt64, time: Timestamp, events: [Event])] = []
        var recorded = 0
        var failure: (any Error)?
        var events: [Event] = []
        let damage = try JournalReader(directory: directory).records(after: 0) { record in
            exchange.apply(record.command, at: record.time, into: &events)
            defer { events.removeAll(keepingCapacity: true) }
            guard record.sequence > recordedThrough, failure == nil else { return }
            pending.append((record.sequence, record.time, events))
            if pending.count == chunk {
                do { try flush(&pending, to: store) } catch { failure = error }
                recorded += chunk
            }
        }
        if let failure { throw failure }
        recorded += pending.count
        try flush(&pending, to: store)
        if recorded > 0 { log("history: recorded \(recorded) journal records the store was missing") }
        if let damage { log("history: the journal's tail is torn (\(damage)); recovery will cut it") }
        return recorded
    }

    /// Records consecutive records as batches of one time each.
    private static func flush(_ pending: inout [(sequence: UInt64, time: Timestamp, events: [Event])],
                              to store: any HistoryStore) throws {
        var start = 0
        while start < pending.count {
            var end = start + 1
            while end < pending.count && pending[end].time == pending[start].time { end += 1 }
            try store.record(HistoryBatch(firstSequence: pending[start].sequence, time: pending[start].time,
                                          commandEvents: pending[start..<end].map { $0.events[...] }))
            start = end
        }
        pending.removeAll(keepingCapacity: true)
    }
}
