import Dispatch
import Foundation
import SolventCore

/// The one thread that owns the exchange. Callers submit commands and get their outcome once it
/// is durable. The sequencer takes whatever is queued, stamps sequence numbers and the time,
/// applies each command and frames its record; the committer (a second thread) writes the
/// batch, syncs once for it (group commit), and only then publishes the batch and answers the
/// callers. The two overlap: the next batch is applied while the previous one is being synced.
///
/// A journal failure is final: every waiting and later caller gets `journalFailed`, `onFailure`
/// runs (the process is expected to exit), and the next start recovers from what is on disk.
public final class Sequencer: @unchecked Sendable {
    /// What recovery found and did when this sequencer started.
    public let recovery: RecoveryReport
    private let configuration: SequencerConfiguration
    private let inbound: BoundedQueue<Submission>
    private let committer: Committer
    private let clock: any SequencerClock
    private let snapshots: SnapshotWriter
    private let threadsDone = DispatchSemaphore(value: 0)
    private let stopping = Flag()
    /// Held while this sequencer may write the directory.
    private let directoryLock: DirectoryLock?
    private let ring: CommitRing?

    // Owned by the sequencer's thread once it runs.
    private var exchange: Exchange
    private var nextSequence: UInt64
    /// The time of the last record: never decreases, and is what a snapshot is stamped with.
    private var lastTime: Timestamp
    private var lastSnapshotSequence: UInt64
    private var snapshotRequested = false

    /// Recovers the exchange from `directory` (created if missing), catching `consumers` up on
    /// the way, and starts the threads. Every durable batch then goes to `hooks.onCommit` (on the
    /// committer's thread, before anyone is answered) and into `ring` (for consumers on threads
    /// of their own), in that order.
    public init(directory: String, configuration: SequencerConfiguration = SequencerConfiguration(),
                fileSystem: any FileSystem = POSIXFileSystem(), clock: any SequencerClock = SystemClock(),
                hooks: SequencerHooks = SequencerHooks(), ring: CommitRing? = nil,
                catchingUp consumers: [CatchUpConsumer] = []) throws(JournalError) {
        directoryLock = try fileSystem.lockExclusively(directory)
        let recovered = try JournalRecovery(directory: directory, fileSystem: fileSystem).recover(catchingUp: consumers)
        recovered.report.lines.forEach(hooks.log)
        let writer: JournalWriter
        do {
            writer = try JournalWriter(directory: directory, fileSystem: fileSystem, tail: recovered.tail,
                                       nextSequence: recovered.lastSequence + 1,
                                       segmentSizeLimit: configuration.segmentSizeLimit)
        } catch {
            throw .io(error)
        }
        recovery = recovered.report
        self.configuration = configuration
        self.clock = clock
        inbound = BoundedQueue(capacity: configuration.queueCapacity)
        snapshots = SnapshotWriter(directory: directory, fileSystem: fileSystem, retention: configuration.retention,
                                   log: hooks.log)
        self.ring = ring
        committer = Committer(writer: writer, inbound: inbound, snapshots: snapshots, hooks: hooks, ring: ring,
                              committedSequence: recovered.lastSequence, depth: configuration.batchesInFlight)
        exchange = recovered.exchange
        nextSequence = recovered.lastSequence + 1
        lastTime = recovered.lastTime
        lastSnapshotSequence = recovered.report.snapshotSequence ?? 0
        start("sequencer") { [self] in run() }
        start("committer") { [committer] in committer.run() }
    }

    /// The last sequence that is durable.
    public var committedSequence: UInt64 { committer.committed.load(ordering: .acquiring) }

    /// Journal bytes made durable since start.
    public var committedJournalBytes: UInt64 { committer.journalBytes.load(ordering: .relaxed) }

    /// Queues `command`; `reply` runs on the committer's thread once the command is durable (or
    /// has failed), so it must be quick. Throws at once when the queue is full or closed.
    public func submit(_ command: Command, reply: @escaping @Sendable (SequencerResult) -> Void) throws(SequencerError) {
        guard command.isBinaryEncodable else { throw .notEncodable }
        if let refusal = inbound.push(.command(command, reply: reply)) { throw refusal }
    }

    /// Sequences `command` and returns its outcome once durable.
    public func execute(_ command: Command) async throws(SequencerError) -> CommandOutcome {
        let result: SequencerResult = await withCheckedContinuation { continuation in
            do throws(SequencerError) {
                try submit(command) { continuation.resume(returning: $0) }
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }
        return try result.get()
    }

    /// Runs `body` on the sequencer's thread and returns its value once everything the state
    /// it saw includes is durable.
    public func inspect<Value: Sendable>(_ body: @escaping @Sendable (Exchange) -> Value) async throws(SequencerError)
        -> Value {
        try await inspectPositioned { exchange, _ in body(exchange) }
    }

    /// `inspect`, also telling `body` the sequence of the last record the state includes (0 for
    /// an empty journal): what a proof-of-liabilities epoch names as its journal position.
    public func inspectPositioned<Value: Sendable>(_ body: @escaping @Sendable (Exchange, UInt64) -> Value)
        async throws(SequencerError) -> Value {
        let result: Result<Value, SequencerError> = await withCheckedContinuation { continuation in
            let inspection = Inspection(
                read: { exchange, sequence in
                    let value = body(exchange, sequence)
                    return { continuation.resume(returning: .success(value)) }
                },
                refuse: { continuation.resume(returning: .failure($0)) })
            if let refusal = inbound.push(.inspect(inspection)) { continuation.resume(returning: .failure(refusal)) }
        }
        return try result.get()
    }

    /// Asks for a snapshot after the next batch.
    public func requestSnapshot() {
        _ = inbound.push(.snapshot)
    }

    /// Stops accepting, sequences and commits what is queued, optionally writes a final
    /// snapshot, and waits for both threads and any snapshot in progress. Safe to call twice.
    public func stop(takingSnapshot: Bool = false) {
        guard stopping.setIfClear() else { return }
        if takingSnapshot { _ = inbound.push(.snapshot) }
        inbound.close()
        threadsDone.wait()
        threadsDone.wait()
        // Everything durable is published: the ring's consumers drain it and end.
        ring?.close()
        snapshots.drain()
        directoryLock?.release()
    }

    private func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        NamedThread.start(name) { [threadsDone] in
            body()
            threadsDone.signal()
        }
    }

    // MARK: The sequencer's thread

    private func run() {
        var taken: [Submission] = []
        taken.reserveCapacity(configuration.queueCapacity)
        while inbound.take(into: &taken, fill: configuration.maxBatch, linger: configuration.maxWaitNanoseconds) {
            var start = 0
            while start < taken.count {
                let end = min(start + configuration.maxBatch, taken.count)
                let batch = apply(taken[start..<end])
                if let refusal = committer.batches.pushWaiting(batch) {
                    batch.refuse(refusal)
                    taken[end...].forEach { $0.refuse(refusal) }
                    break
                }
                start = end
            }
            taken.removeAll(keepingCapacity: true)
        }
        commitFinalSnapshotIfRequested()
        committer.batches.close()
    }

    /// A snapshot asked for while another was being written (at stop, typically) is taken now.
    private func commitFinalSnapshotIfRequested() {
        guard snapshotRequested else { return }
        snapshots.drain()
        var batch = BatchBuilder(firstSequence: nextSequence, time: lastTime, capacity: 0)
        batch.snapshot = snapshotIfDue()
        if batch.snapshot != nil { _ = committer.batches.pushWaiting(batch) }
    }

    /// Applies one chunk of submissions as one group commit, stamped with one time.
    private func apply(_ chunk: ArraySlice<Submission>) -> BatchBuilder {
        let time = max(lastTime, clock.now())
        var batch = BatchBuilder(firstSequence: nextSequence, time: time, capacity: chunk.count + 1)
        // A ruling's effective time has come: it goes in force, journaled, before anything else at this time.
        if exchange.engine.rulingsDue(at: time) {
            batch.add(.enforceRulings, reply: { _ in }) { exchange.apply(.enforceRulings, at: time, into: &$0) }
            lastTime = time
        }
        for submission in chunk {
            switch submission {
            case .command(let command, let reply):
                batch.add(command, reply: reply) { exchange.apply(command, at: time, into: &$0) }
                lastTime = time
            case .inspect(let inspection):
                batch.add(inspection, of: exchange)
            case .snapshot:
                snapshotRequested = true
            }
        }
        nextSequence = batch.nextSequence
        batch.snapshot = snapshotIfDue()
        return batch
    }

    /// Encodes the state (the only part of a snapshot that holds up the sequencer) when one is
    /// due; the committer hands it to the writer once the batch is durable.
    private func snapshotIfDue() -> SnapshotFile? {
        let last = nextSequence - 1
        let interval = configuration.snapshotInterval.map { last - lastSnapshotSequence >= $0 } ?? false
        guard snapshotRequested || interval, last > lastSnapshotSequence, !snapshots.isBusy else { return nil }
        lastSnapshotSequence = last
        snapshotRequested = false
        return SnapshotFile(sequence: last, time: lastTime, state: exchange.encodedState())
    }
}
