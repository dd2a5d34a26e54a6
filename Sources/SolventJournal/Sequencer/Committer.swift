import Synchronization

/// The second stage of the sequencer: while the sequencer applies the next batch, this thread
/// writes the previous ones and syncs them with one fdatasync, then publishes each in order and
/// answers its callers. A write or sync failure is final: it refuses everything in flight and
/// queued, stops the inbound queue, and tells the host.
final class Committer: @unchecked Sendable {
    let batches: BoundedQueue<BatchBuilder>
    private let writer: JournalWriter
    private let inbound: BoundedQueue<Submission>
    private let snapshots: SnapshotWriter
    private let hooks: SequencerHooks
    private let ring: CommitRing?
    let committed: Atomic<UInt64>
    let journalBytes = Atomic<UInt64>(0)

    init(writer: JournalWriter, inbound: BoundedQueue<Submission>, snapshots: SnapshotWriter, hooks: SequencerHooks,
         ring: CommitRing?, committedSequence: UInt64, depth: Int) {
        self.ring = ring
        self.writer = writer
        self.inbound = inbound
        self.snapshots = snapshots
        self.hooks = hooks
        batches = BoundedQueue(capacity: depth)
        committed = Atomic(committedSequence)
    }

    /// The thread's body: until the sequencer closes `batches` and it is drained.
    func run() {
        var taken: [BatchBuilder] = []
        while batches.take(into: &taken) {
            let started = MonotonicClock.nanoseconds()
            do throws(FileSystemError) {
                for batch in taken { try writer.write(batch.records.bytes, firstSequence: batch.firstSequence) }
                try writer.sync()
            } catch {
                fail(SequencerError.journalFailed(error.description), inFlight: taken)
                return
            }
            hooks.onSync?(SyncMeasurement(commands: taken.reduce(0) { $0 + $1.count },
                                          bytes: taken.reduce(0) { $0 + $1.records.bytes.count },
                                          nanoseconds: MonotonicClock.nanoseconds() &- started))
            journalBytes.store(writer.bytesCommitted, ordering: .relaxed)
            taken.forEach(publish)
            taken.removeAll(keepingCapacity: true)
        }
    }

    /// The batch is durable: record it, hand it to the inline hook and the ring (which waits
    /// while its slowest consumer is a full ring behind), answer callers, release its snapshot.
    private func publish(_ builder: BatchBuilder) {
        if builder.count > 0 {
            let batch = builder.build()
            committed.store(batch.lastSequence, ordering: .releasing)
            hooks.onCommit?(batch)
            ring?.publish(batch)
            for (index, reply) in builder.replies.enumerated() {
                reply(.success(CommandOutcome(batch: batch, index: index)))
            }
        }
        builder.deliveries.forEach { $0.deliver() }
        if let snapshot = builder.snapshot { snapshots.write(snapshot) }
    }

    private func fail(_ failure: SequencerError, inFlight: [BatchBuilder]) {
        hooks.log("sequencer: stopped acknowledging: \(failure)")
        inFlight.forEach { $0.refuse(failure) }
        batches.fail(failure).forEach { $0.refuse(failure) }
        inbound.fail(failure).forEach { $0.refuse(failure) }
        hooks.onFailure?(failure)
    }
}
