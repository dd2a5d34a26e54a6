import Foundation
import SolventCore
import Testing
@testable import SolventJournal

/// When snapshots are taken: on request after the next batch, at stop even while another one is
/// still being written, and never at the journal's expense when the disk refuses one.
struct SnapshotRequestTests {
    static let directory = DataDirectoryBuilder.directory

    @Test func aRequestedSnapshotHoldsTheStateAfterTheBatchItArrivesIn() async throws {
        let disk = MemoryFileSystem()
        let sequencer = try Sequencer(directory: Self.directory, configuration: .testing(), fileSystem: disk,
                                      clock: SteppingClock())
        var last: CommandOutcome?
        for command in TradingCommands.setup { last = try await sequencer.execute(command) }
        let hash = try await sequencer.inspect { $0.stateHash() }
        sequencer.requestSnapshot()
        sequencer.stop()  // the request is still taken: stopping drains the queue
        let outcome = try #require(last)
        let bytes = try #require(disk.durableBytes(of: RecoveryDecisionTests.snapshotPath(outcome.sequence)),
                                 "no snapshot at \(outcome.sequence): \(disk.names(in: Self.directory))")
        let file = try SnapshotFile(decoding: bytes)
        #expect(file.sequence == outcome.sequence && file.time >= outcome.time)
        #expect(try file.exchange().stateHash() == hash)
    }

    @Test func stopTakingASnapshotWritesOneAtTheLastSequenceEvenWhileAnotherIsBeingWritten() async throws {
        let disk = MemoryFileSystem()
        let gate = SyncGate(pathFilter: JournalFiles.snapshotPrefix)
        disk.gateSyncs { gate.pass($0) }
        let sequencer = try Sequencer(directory: Self.directory, configuration: .testing(snapshotInterval: 10),
                                      fileSystem: disk, clock: SteppingClock())
        let commands = TradingCommands.stream(seed: 0x57, count: 60)
        for start in stride(from: 0, to: commands.count, by: 6) {
            for result in await sequencer.submitTogether(Array(commands[start..<min(commands.count, start + 6)])) {
                _ = try result.get()
            }
        }
        let live = try await sequencer.inspect { $0.stateHash() }
        // An interval snapshot is stuck in its sync when the final one is asked for.
        #expect(gate.awaitHeldSync(), "no interval snapshot was being written")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { gate.release() }
        sequencer.stop(takingSnapshot: true)
        let last = UInt64(commands.count)
        let bytes = try #require(disk.durableBytes(of: RecoveryDecisionTests.snapshotPath(last)),
                                 "no final snapshot: \(disk.durableNames(in: Self.directory))")
        #expect(try SnapshotFile(decoding: bytes).exchange().stateHash() == live)
        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk.crash()).recover()
        #expect(recovered.report.snapshotSequence == last && recovered.report.replayedRecords == 0)
    }

    @Test func aSnapshotTheDiskRefusesIsLoggedAndTheJournalCarriesOn() async throws {
        let disk = MemoryFileSystem()
        disk.inject([.failSync(nth: 1, persisted: false), .failWrite(nth: 3)],
                    onPathsContaining: JournalFiles.snapshotPrefix)
        let logged = Locked<[String]>([])
        let failures = Locked(0)
        let hooks = SequencerHooks(log: { logged.append($0) }, onFailure: { _ in failures.update { $0 += 1 } })
        let configuration = SequencerConfiguration.testing(snapshotInterval: 20)
        let sequencer = try Sequencer(directory: Self.directory, configuration: configuration, fileSystem: disk,
                                      clock: SteppingClock(), hooks: hooks)
        let commands = TradingCommands.stream(seed: 0x58, count: 120)
        var position = 0
        while position < commands.count {
            let burst = Array(commands[position..<min(commands.count, position + 5)])
            for result in await sequencer.submitTogether(burst) { _ = try result.get() }
            position += burst.count
        }
        let live = try await sequencer.inspect { $0.stateHash() }
        sequencer.stop()
        #expect(failures.value == 0)
        #expect(disk.firedFaults.count == 2, "\(disk.firedFaults)")
        #expect(logged.value.filter { $0.hasPrefix("snapshot: ") && $0.contains(" failed: ") }.count == 2, "\(logged.value)")
        let snapshots = try JournalContents.snapshotNames(in: Self.directory, fileSystem: disk)
        #expect(!snapshots.isEmpty, "later snapshots must work")

        let restarted = try Sequencer(directory: Self.directory, fileSystem: disk.crash(), clock: SteppingClock())
        #expect(restarted.recovery.removedTemporaryFiles.count <= 2)
        #expect(try await restarted.inspect { $0.stateHash() } == live)
        restarted.stop()
    }
}
