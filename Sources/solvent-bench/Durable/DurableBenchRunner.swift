import Foundation
import Glibc
import SolventCommandLine
import SolventCore
import SolventJournal

/// The durable path measured end to end: commands submitted to a real `Sequencer` on a real
/// data directory, timed from submission to acknowledgement (applied, written, fdatasynced).
struct DurableBenchRunner {
    let workload: Workload
    let queueCapacity: Int
    /// A new directory for this benchmark's journals, below the one asked for.
    let runDirectory: String

    init(workload: Workload, directory: String, queueCapacity: Int) throws {
        self.workload = workload
        self.queueCapacity = queueCapacity
        let parent = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var template = Array((parent + "/solvent-durable-bench-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CommandFailure("cannot create a directory in \(directory)") }
        runDirectory = String(cString: made)
    }

    /// Removes the benchmark's journals.
    func removeFiles() {
        try? FileManager.default.removeItem(atPath: runDirectory)
    }

    /// One run: `commands` stream commands (after the untimed setup) with at most `maxBatch` per
    /// group commit. Returns the timeline and the live state hash at the end. With `maxBatch` 1
    /// the committer also takes one batch per sync: one fdatasync per command, the baseline.
    func run(commands: Int, maxBatch: Int) throws -> (timeline: CommitTimeline, hash: SHA256Digest, bytes: UInt64) {
        let data = try freshDirectory()
        var configuration = SequencerConfiguration()
        configuration.maxBatch = maxBatch
        if maxBatch == 1 { configuration.batchesInFlight = 1 }
        configuration.queueCapacity = queueCapacity
        configuration.snapshotInterval = nil
        let timeline = CommitTimeline(firstSequence: UInt64(workload.setup.count) + 1, count: commands)
        let sequencer = try Sequencer(directory: data, configuration: configuration, hooks: SequencerHooks(
            onCommit: { timeline.committed(through: $0.lastSequence, at: MonotonicClock.nanoseconds()) },
            onSync: { timeline.synced(nanoseconds: $0.nanoseconds) },
            onFailure: { StandardStreams.fail("bench: the journal failed: \($0)") }))
        let acknowledge: @Sendable (SequencerResult) -> Void = { _ in }
        for command in workload.setup { submit(command, to: sequencer, acknowledge) { } }
        // The setup is not timed: the stream starts once it is durable.
        while sequencer.committedSequence < UInt64(workload.setup.count) { usleep(100) }
        workload.commands.withUnsafeBufferPointer { stream in
            for index in 0..<commands {
                submit(stream[index], to: sequencer, acknowledge) { timeline.submitted(index, at: MonotonicClock.nanoseconds()) }
            }
        }
        while !timeline.isComplete { usleep(100) }
        let hash = try awaitInspection(sequencer) { $0.stateHash() }
        let bytes = sequencer.committedJournalBytes
        sequencer.stop()
        return (timeline, hash, bytes)
    }

    /// Recovers the last run's directory from the journal alone; nanoseconds, records, hash.
    func replay() throws -> (nanoseconds: UInt64, records: Int, hash: SHA256Digest) {
        let started = MonotonicClock.nanoseconds()
        let recovered = try JournalRecovery(directory: runDirectory, fileSystem: POSIXFileSystem(), repairs: false).recover()
        let elapsed = MonotonicClock.nanoseconds() &- started
        return (elapsed, recovered.report.replayedRecords, recovered.exchange.stateHash())
    }

    /// The run directory, emptied: each run starts a new journal.
    private func freshDirectory() throws -> String {
        try? FileManager.default.removeItem(atPath: runDirectory)
        try FileManager.default.createDirectory(atPath: runDirectory, withIntermediateDirectories: true)
        return runDirectory
    }

    /// Submits, backing off while the queue is full (the producer is faster than any disk); it
    /// sleeps rather than spins so that it leaves the cores to the sequencer's two threads.
    /// `attempt` runs before every try: latency counts from the attempt that was accepted, as
    /// a caller told `busy` has not entered the exchange.
    private func submit(_ command: Command, to sequencer: Sequencer,
                        _ reply: @escaping @Sendable (SequencerResult) -> Void, attempt: () -> Void) {
        while true {
            attempt()
            do throws(SequencerError) {
                try sequencer.submit(command, reply: reply)
                return
            } catch .busy {
                usleep(50)
            } catch {
                StandardStreams.fail("bench: \(error)")
            }
        }
    }

    private func awaitInspection<Value: Sendable>(_ sequencer: Sequencer,
                                                  _ body: @escaping @Sendable (Exchange) -> Value) throws -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = try? await sequencer.inspect(body)
            done.signal()
        }
        done.wait()
        guard let value = box.value else { throw SequencerError.stopped }
        return value
    }
}

/// Carries a value out of a task to a thread that waits on a semaphore.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
