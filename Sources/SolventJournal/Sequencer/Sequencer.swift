import Dispatch
import Foundation
import SolventCore
import Synchronization

/// The one thread that owns the exchange. Callers submit commands and get their outcome once it
/// is durable; in between, the sequencer takes whatever is queued, stamps sequence numbers and
/// the time, applies each command, appends the batch to the journal, syncs once (group commit),
/// and only then publishes the batch and answers the callers.
///
/// A journal failure is final: every waiting and later caller gets `journalFailed`, `onFailure`
/// runs (the process is expected to exit), and the next start recovers from what is on disk.
public final class Sequencer: @unchecked Sendable {
    /// What recovery found and did when this sequencer started.
    public let recovery: RecoveryReport
    private let configuration: SequencerConfiguration
    private let queue: InboundQueue
    private let clock: any SequencerClock
    private let hooks: SequencerHooks
    private let snapshots: SnapshotWriter
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Flag()
    private let committed: Atomic<UInt64>
    private let journalBytes = Atomic<UInt64>(0)

    // Owned by the sequencer's thread once it runs.
    private var exchange: Exchange
    private let writer: JournalWriter
    private var nextSequence: UInt64
    private var lastTime: Timestamp
    private var lastSnapshotSequence: UInt64
    private var snapshotRequested = false

    /// Recovers the exchange from `directory` (created if missing) and starts the thread.
    public init(directory: String, configuration: SequencerConfiguration = SequencerConfiguration(),
                fileSystem: any FileSystem = POSIXFileSystem(), clock: any SequencerClock = SystemClock(),
                hooks: SequencerHooks = SequencerHooks()) throws(JournalError) {
        let recovered = try JournalRecovery(directory: directory, fileSystem: fileSystem).recover()
        recovered.report.lines.forEach(hooks.log)
        do {
            writer = try JournalWriter(directory: directory, fileSystem: fileSystem, tail: recovered.tail,
                                       nextSequence: recovered.lastSequence + 1,
                                       segmentSizeLimit: configuration.segmentSizeLimit)
        } catch {
            throw .io(error)
        }
        self.recovery = recovered.report
        self.configuration = configuration
        self.clock = clock
        self.hooks = hooks
        queue = InboundQueue(capacity: configuration.queueCapacity)
        snapshots = SnapshotWriter(directory: directory, fileSystem: fileSystem, retention: configuration.retention,
                                   log: hooks.log)
        exchange = recovered.exchange
        nextSequence = recovered.lastSequence + 1
        lastTime = recovered.lastTime
        lastSnapshotSequence = recovered.report.snapshotSequence ?? 0
        committed = Atomic(recovered.lastSequence)
        let thread = Thread { [self] in run() }
        thread.name = "solvent-sequencer"
        thread.start()
    }

    /// The last sequence that is durable.
    public var committedSequence: UInt64 { committed.load(ordering: .acquiring) }

    /// Journal bytes made durable since start.
    public var committedJournalBytes: UInt64 { journalBytes.load(ordering: .relaxed) }

    /// Queues `command`; `reply` runs on the sequencer's thread once the command is durable (or
    /// has failed), so it must be quick. Throws at once when the queue is full or closed.
    public func submit(_ command: Command, reply: @escaping @Sendable (SequencerResult) -> Void) throws(SequencerError) {
        guard command.isBinaryEncodable else { throw .notEncodable }
        if let refusal = queue.push(.command(command, reply: reply)) { throw refusal }
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

    /// Runs `body` on the sequencer's thread with the state as of a durable batch.
    public func inspect<Value: Sendable>(_ body: @escaping @Sendable (Exchange) -> Value) async throws(SequencerError)
        -> Value {
        let value: Value? = await withCheckedContinuation { continuation in
            let refusal = queue.push(.inspect { exchange in continuation.resume(returning: exchange.map(body)) })
            if refusal != nil { continuation.resume(returning: nil) }
        }
        guard let value else { throw .stopped }
        return value
    }

    /// Asks for a snapshot after the next batch.
    public func requestSnapshot() {
        _ = queue.push(.snapshot)
    }

    /// Stops accepting, sequences what is queued, optionally writes a final snapshot, and waits
    /// for the thread and any snapshot in progress. Safe to call more than once.
    public func stop(takingSnapshot: Bool = false) {
        guard stopping.setIfClear() else { return }
        if takingSnapshot { _ = queue.push(.snapshot) }
        queue.close()
        finished.wait()
        snapshots.drain()
    }

    // MARK: The sequencer's thread

    private func run() {
        var taken: [Submission] = []
        taken.reserveCapacity(configuration.queueCapacity)
        while queue.take(into: &taken, fill: configuration.maxBatch, linger: configuration.maxWaitNanoseconds) {
            var start = 0
            while start < taken.count {
                let end = min(start + configuration.maxBatch, taken.count)
                if let failure = process(taken[start..<end]) {
                    fail(failure, unprocessed: taken[end...])
                    return
                }
                start = end
            }
            taken.removeAll(keepingCapacity: true)
        }
        finished.signal()
    }

    /// Applies, journals and publishes one group commit; the error if the journal failed.
    private func process(_ chunk: ArraySlice<Submission>) -> SequencerError? {
        lastTime = max(lastTime, clock.now())
        var batch = BatchBuilder(firstSequence: nextSequence, time: lastTime, capacity: chunk.count)
        var inspections: [@Sendable (Exchange?) -> Void] = []
        for submission in chunk {
            switch submission {
            case .command(let command, let reply):
                writer.append(sequence: batch.nextSequence, time: lastTime, command: command)
                batch.add(command, reply: reply) { exchange.apply(command, at: lastTime, into: &$0) }
            case .inspect(let body):
                inspections.append(body)
            case .snapshot:
                snapshotRequested = true
            }
        }
        do {
            try writer.commit()
        } catch {
            let failure = SequencerError.journalFailed(error.description)
            batch.replies.forEach { $0(.failure(failure)) }
            inspections.forEach { $0(nil) }
            return failure
        }
        publish(batch)
        inspections.forEach { $0(exchange) }
        takeSnapshotIfDue()
        return nil
    }

    private func publish(_ builder: BatchBuilder) {
        guard builder.count > 0 else { return }
        let batch = builder.build()
        nextSequence = batch.lastSequence + 1
        committed.store(batch.lastSequence, ordering: .releasing)
        journalBytes.store(writer.bytesCommitted, ordering: .relaxed)
        hooks.onCommit?(batch)
        for (index, reply) in builder.replies.enumerated() {
            reply(.success(CommandOutcome(batch: batch, index: index)))
        }
    }

    /// Encodes the state (the only part that holds up the sequencer) and hands the bytes to the
    /// snapshot writer. Taken only after a commit, so a snapshot never runs ahead of the journal.
    private func takeSnapshotIfDue() {
        let last = nextSequence - 1
        let interval = configuration.snapshotInterval.map { last - lastSnapshotSequence >= $0 } ?? false
        guard snapshotRequested || interval, last > lastSnapshotSequence, !snapshots.isBusy else { return }
        let file = SnapshotFile(sequence: last, time: lastTime, state: exchange.encodedState())
        if snapshots.write(file) {
            lastSnapshotSequence = last
            snapshotRequested = false
        }
    }

    /// Fails everything still waiting, tells the host, and ends the thread.
    private func fail(_ failure: SequencerError, unprocessed: ArraySlice<Submission>) {
        hooks.log("sequencer: stopped acknowledging: \(failure)")
        unprocessed.forEach { $0.refuse(failure) }
        queue.fail(failure).forEach { $0.refuse(failure) }
        hooks.onFailure?(failure)
        finished.signal()
    }
}
