import Foundation
import SolventCore
import SolventJournal
import SolventStore
import Synchronization

/// Feeds durable batches into the history store on its own thread, so SQLite never slows the
/// committer. Queries that must see a command the caller was just told about wait until the
/// projector has recorded up to the sequence that was durable when they started.
///
/// Under order flow the projector gathers batches for up to 50 ms (`GatheringQueue`) before
/// writing them in one transaction: SQLite's cost is mostly per page written, and a larger
/// transaction touches each hot index page once for many orders instead of once for a few. A
/// waiting query cuts the gathering short, so it never waits for the window.
final class HistoryProjector: Sendable {
    let store: any HistoryStore
    private let queue: GatheringQueue
    private let recorded: Atomic<UInt64>
    private let log: @Sendable (String) -> Void

    init(store: any HistoryStore, recordedThrough: UInt64, gathering: Duration = .milliseconds(50),
         log: @escaping @Sendable (String) -> Void) {
        self.store = store
        queue = GatheringQueue(window: gathering)
        self.log = log
        recorded = Atomic(recordedThrough)
        NamedThread.start("history") { [self] in run() }
    }

    /// Called from the commit hook: never blocks.
    func enqueue(_ batch: CommittedBatch) {
        queue.append(batch)
    }

    var recordedSequence: UInt64 { recorded.load(ordering: .acquiring) }

    /// Waits (up to ten seconds, for a badly loaded machine) until everything through
    /// `sequence` is queryable, hurrying the projector while it waits.
    func waitUntilRecorded(_ sequence: UInt64) async {
        var waited = 0
        while recordedSequence < sequence && waited < 10_000 {
            queue.hurry()
            try? await Task.sleep(nanoseconds: 1_000_000)
            waited += 1
        }
    }

    private func run() {
        while true { record(queue.next()) }
    }

    /// Everything gathered goes into one transaction.
    private func record(_ batches: [CommittedBatch]) {
        guard let first = batches.first, let last = batches.last else { return }
        do {
            try store.record(batches.map { batch in
                HistoryBatch(firstSequence: batch.firstSequence, time: batch.time,
                             commandEvents: (0..<batch.count).map { batch.events(of: $0) })
            })
            recorded.store(last.lastSequence, ordering: .releasing)
        } catch {
            // The journal stays the truth: a restart rebuilds the store from where it stopped.
            log("history: recording batches \(first.firstSequence)...\(last.lastSequence) failed: \(error)")
        }
    }
}
