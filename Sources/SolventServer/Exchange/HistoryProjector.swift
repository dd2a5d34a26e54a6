import Foundation
import SolventCore
import SolventJournal
import SolventStore
import Synchronization

/// Feeds durable batches into the history store on its own thread, so SQLite never slows the
/// committer. Queries that must see a command the caller was just told about wait until the
/// projector has recorded up to the sequence that was durable when they started.
final class HistoryProjector: Sendable {
    let store: any HistoryStore
    private let pending = Mutex<[CommittedBatch]>([])
    private let recorded: Atomic<UInt64>
    private let wake = DispatchSemaphore(value: 0)
    private let log: @Sendable (String) -> Void

    init(store: any HistoryStore, recordedThrough: UInt64, log: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.log = log
        recorded = Atomic(recordedThrough)
        let thread = Thread { [self] in run() }
        thread.name = "solvent-history"
        thread.start()
    }

    /// Called from the commit hook: never blocks.
    func enqueue(_ batch: CommittedBatch) {
        pending.withLock { $0.append(batch) }
        wake.signal()
    }

    var recordedSequence: UInt64 { recorded.load(ordering: .acquiring) }

    /// Waits (up to ten seconds, for a badly loaded machine) until everything through
    /// `sequence` is queryable.
    func waitUntilRecorded(_ sequence: UInt64) async {
        var waited = 0
        while recordedSequence < sequence && waited < 10_000 {
            try? await Task.sleep(nanoseconds: 1_000_000)
            waited += 1
        }
    }

    private func run() {
        while true {
            wake.wait()
            let batches = pending.withLock { batches in
                defer { batches.removeAll(keepingCapacity: true) }
                return batches
            }
            record(batches)
        }
    }

    /// Everything that queued up while the last write ran goes into one transaction.
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
