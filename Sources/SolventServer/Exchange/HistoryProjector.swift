import Foundation
import SolventCore
import SolventJournal
import SolventStore
import Synchronization

/// Feeds durable batches into the history store on its own thread, so SQLite never slows the
/// committer. Queries that must see a command the caller was just told about wait until the
/// projector has recorded up to the sequence that was durable when they started.
///
/// Under order flow the projector gathers batches for up to `gathering` before writing them in
/// one transaction: SQLite's cost is mostly per page written, and a larger transaction touches
/// each hot index page once for many orders instead of once for a few. A waiting query cuts the
/// gathering short, so it never waits for the window.
final class HistoryProjector: Sendable {
    let store: any HistoryStore
    private let gathering: Duration
    private let pending = Mutex<Pending>(Pending())
    private let recorded: Atomic<UInt64>
    /// The highest sequence a query is waiting for.
    private let wanted = Atomic<UInt64>(0)
    /// Signalled when work arrives while none is pending.
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled to end a gathering early: a query waits, or the limit is reached.
    private let hurry = DispatchSemaphore(value: 0)
    private let log: @Sendable (String) -> Void

    /// Past this many commands the projector writes without waiting for the window to close.
    static let gatherLimit = 8_192

    private struct Pending {
        var batches: [CommittedBatch] = []
        var commands = 0
    }

    init(store: any HistoryStore, recordedThrough: UInt64, gathering: Duration = .milliseconds(50),
         log: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.gathering = gathering
        self.log = log
        recorded = Atomic(recordedThrough)
        NamedThread.start("history") { [self] in run() }
    }

    /// Called from the commit hook: never blocks.
    func enqueue(_ batch: CommittedBatch) {
        let (first, full) = pending.withLock { pending in
            pending.batches.append(batch)
            pending.commands += batch.count
            return (pending.batches.count == 1, pending.commands >= Self.gatherLimit)
        }
        // Only the first batch of a gathering wakes the thread: one wake-up per transaction.
        if first { wake.signal() }
        if full { hurry.signal() }
    }

    var recordedSequence: UInt64 { recorded.load(ordering: .acquiring) }

    /// Waits (up to ten seconds, for a badly loaded machine) until everything through
    /// `sequence` is queryable.
    func waitUntilRecorded(_ sequence: UInt64) async {
        guard recordedSequence < sequence else { return }
        wanted.max(sequence, ordering: .releasing)
        hurry.signal()
        var waited = 0
        while recordedSequence < sequence && waited < 10_000 {
            try? await Task.sleep(nanoseconds: 1_000_000)
            waited += 1
        }
    }

    private func run() {
        while true {
            wake.wait()
            gather()
            let batches = pending.withLock { pending in
                defer { pending = Pending() }
                return pending.batches
            }
            record(batches)
        }
    }

    /// Returns when the window since the first pending batch has closed, a query is waiting,
    /// or enough has queued up.
    private func gather() {
        let (seconds, attoseconds) = gathering.components
        let deadline = DispatchTime.now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        if !isQueryWaiting { _ = hurry.wait(timeout: deadline) }
        while hurry.wait(timeout: .now()) == .success {} // signals that arrived meanwhile are served too
    }

    private var isQueryWaiting: Bool { wanted.load(ordering: .acquiring) > recordedSequence }

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
