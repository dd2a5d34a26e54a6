import Foundation
import SolventCore
import SolventJournal
import SolventStore
import Synchronization

/// Feeds durable batches into the history store on its own thread, from its cursor on the
/// commit ring, so SQLite never slows the committer. Queries that must see a command the caller
/// was just told about wait until the projector has recorded up to the sequence that was
/// durable when they started.
///
/// Under order flow the projector lets batches gather for up to 50 ms before writing them in
/// one transaction: SQLite's cost is mostly per page written, and a larger transaction touches
/// each hot index page once for many orders instead of once for a few. A waiting query cuts the
/// gathering short, so it never waits for the window.
final class HistoryProjector: Sendable {
    static let gathering = Gathering(windowNanoseconds: 50_000_000)

    let store: any HistoryStore
    private let cursor: RingCursor
    private let recorded: Atomic<UInt64>
    private let log: @Sendable (String) -> Void

    /// Starts projecting what `cursor` brings; the store must already hold everything before it
    /// (`catchUp` at recovery).
    init(store: any HistoryStore, cursor: RingCursor, log: @escaping @Sendable (String) -> Void) throws {
        self.store = store
        self.cursor = cursor
        self.log = log
        recorded = Atomic(try store.lastSequence())
        NamedThread.start("history") { [self] in run() }
    }

    /// What recovery hands the records the store does not have yet.
    static func catchUp(_ store: any HistoryStore) throws -> CatchUpConsumer {
        CatchUpConsumer(name: "the history store", position: try store.lastSequence()) { batch in
            try store.record(HistoryBatch(batch))
        }
    }

    var recordedSequence: UInt64 { recorded.load(ordering: .acquiring) }

    /// Waits (up to ten seconds, for a badly loaded machine) until everything through
    /// `sequence` is queryable, hurrying the projector while it waits.
    func waitUntilRecorded(_ sequence: UInt64) async {
        var waited = 0
        while recordedSequence < sequence && waited < 10_000 {
            cursor.hurry()
            try? await Task.sleep(nanoseconds: 1_000_000)
            waited += 1
        }
    }

    private func run() {
        var batches: [CommittedBatch] = []
        while cursor.take(into: &batches, gathering: Self.gathering) {
            record(batches)
            batches.removeAll(keepingCapacity: true)
        }
    }

    /// Everything gathered goes into one transaction.
    private func record(_ batches: [CommittedBatch]) {
        guard let first = batches.first, let last = batches.last else { return }
        do {
            try store.record(batches.map(HistoryBatch.init))
            recorded.store(last.lastSequence, ordering: .releasing)
        } catch {
            // The journal stays the truth: a restart rebuilds the store from where it stopped.
            log("history: recording batches \(first.firstSequence)...\(last.lastSequence) failed: \(error)")
        }
    }
}

extension HistoryBatch {
    /// A committed batch as the store records it: each command's events, at the batch's time.
    init(_ batch: CommittedBatch) {
        self.init(firstSequence: batch.firstSequence, time: batch.time,
                  commandEvents: (0..<batch.count).map { batch.events(of: $0) })
    }
}
