import Foundation
import SolventJournal
import Synchronization

/// Durable batches on their way from the commit hook to a thread that need not run once per
/// batch (the history projection, the journal's Merkle log). The consumer sleeps until a batch
/// arrives, then lets more gather for up to `window` and takes them all at once: one wake-up and
/// one write for many batches instead of one per batch. A reader that needs the consumer to catch
/// up calls `hurry()`, which ends the gathering at once (now, or for the next batch to arrive
/// if none is pending), so nobody waits for the window.
final class GatheringQueue: Sendable {
    let window: Duration
    /// Past this many commands the gathering ends without waiting for the window to close.
    let commandLimit: Int
    private let pending = Mutex(Pending())
    /// Signalled by the first batch of a gathering.
    private let arrived = DispatchSemaphore(value: 0)
    /// Signalled to end a gathering early.
    private let hurried = DispatchSemaphore(value: 0)

    private struct Pending {
        var batches: [CommittedBatch] = []
        var commands = 0
    }

    init(window: Duration, commandLimit: Int = 8_192) {
        self.window = window
        self.commandLimit = commandLimit
    }

    /// From the commit hook: never blocks, and makes a system call only for a gathering's first
    /// batch (or when the limit is reached).
    func append(_ batch: CommittedBatch) {
        let (first, full) = pending.withLock { pending in
            pending.batches.append(batch)
            pending.commands += batch.count
            return (pending.batches.count == 1, pending.commands >= commandLimit)
        }
        if first { arrived.signal() }
        if full { hurried.signal() }
    }

    /// Ends the current gathering now, or the next one as soon as it starts.
    func hurry() {
        hurried.signal()
    }

    /// For the consumer's thread: waits for a batch, lets the window run (unless hurried) and
    /// returns everything gathered, oldest first.
    func next() -> [CommittedBatch] {
        arrived.wait()
        _ = hurried.wait(timeout: .now() + .nanoseconds(Self.nanoseconds(window)))
        while hurried.wait(timeout: .now()) == .success {} // hurries that arrived meanwhile are served too
        return pending.withLock { pending in
            defer { pending = Pending() }
            return pending.batches
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
}
