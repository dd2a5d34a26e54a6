import Foundation
import SolventCore
import Testing
@testable import SolventJournal
import SolventTestSupport

/// A few thousand random trades through the sequencer on a real directory: the live state, a
/// replay of the journal alone, a restart from snapshot plus journal, and read-only recovery all
/// agree on the state hash, and every snapshot holds exactly the state at its sequence.
struct DeterminismTests {
    static let commandCount = 3_000

    @Test func liveStateEqualsFullReplayEqualsSnapshotPlusReplay() async throws {
        let directory = TemporaryDirectory("determinism")
        let configuration = SequencerConfiguration.testing(segmentSizeLimit: 48 << 10, snapshotInterval: 500)
        let commands = TradingCommands.stream(seed: 0xD37, count: Self.commandCount)
        let sequencer = try Sequencer(directory: directory.path, configuration: configuration, clock: SteppingClock())
        var random = SplitMix64(seed: 3)
        var position = 0
        var events = 0
        while position < commands.count {
            let burst = Array(commands[position..<min(commands.count, position + Int.random(in: 1...96, using: &random))])
            for result in await sequencer.submitTogether(burst) { events += try result.get().events.count }
            position += burst.count
        }
        #expect(events > commands.count, "the stream should trade, not only get rejected")
        let live = try await sequencer.inspect { ($0.stateHash(), $0.invariantViolations()) }
        #expect(live.1.isEmpty)
        sequencer.stop()
        let total = UInt64(commands.count)

        let disk = POSIXFileSystem()
        let segments = try JournalContents.segmentNames(in: directory.path, fileSystem: disk)
        let snapshots = try JournalContents.snapshotNames(in: directory.path, fileSystem: disk)
        #expect(segments.count >= 3, "\(segments)")
        #expect(snapshots.count >= 3, "\(snapshots)")

        // The journal alone, without any snapshot.
        let journalOnly = try directory.copy { !$0.hasPrefix(JournalFiles.snapshotPrefix) }
        let replayed = try JournalRecovery(directory: journalOnly.path, fileSystem: disk).recover()
        #expect(replayed.report.snapshotSequence == nil && replayed.report.replayedRecords == commands.count)
        #expect(replayed.lastSequence == total && replayed.exchange.stateHash() == live.0)

        // Read-only recovery of the directory as it is: the newest snapshot, then the journal.
        let recovered = try JournalRecovery(directory: directory.path, fileSystem: disk, repairs: false).recover()
        let newest = try #require(recovered.report.snapshotSequence)
        let taken = snapshots.compactMap(JournalFiles.snapshotSequence).sorted()
        #expect(newest == taken.last && zip(taken, taken.dropFirst()).allSatisfy { $1 - $0 >= 500 }, "\(taken)")
        #expect(recovered.report.replayedRecords == Int(total - newest))
        #expect(recovered.lastSequence == total && recovered.exchange.stateHash() == live.0)

        // A restart: snapshot plus replay, then the live hash through the sequencer.
        let restarted = try Sequencer(directory: directory.path, configuration: configuration, clock: SteppingClock())
        #expect(restarted.recovery.snapshotSequence == newest && restarted.committedSequence == total)
        #expect(try await restarted.inspect { $0.stateHash() } == live.0)
        restarted.stop()

        try checkEverySnapshotMatchesTheReplayAtItsSequence(directory.path, snapshots)
    }

    private func checkEverySnapshotMatchesTheReplayAtItsSequence(_ directory: String, _ names: [String]) throws {
        let disk = POSIXFileSystem()
        let records = try JournalContents.records(in: directory, fileSystem: disk)
        var exchange = Exchange()
        var applied = 0
        for name in names.reversed() {
            let file = try SnapshotFile(decoding: try disk.read(JournalFiles.path(directory, name)))
            #expect(name == JournalFiles.snapshotName(sequence: file.sequence))
            while applied < Int(file.sequence) {
                _ = exchange.apply(records[applied].command, at: records[applied].time)
                applied += 1
            }
            #expect(try file.exchange().stateHash() == exchange.stateHash(), "\(name)")
            #expect(file.time >= records[applied - 1].time, "\(name)")
        }
    }
}
