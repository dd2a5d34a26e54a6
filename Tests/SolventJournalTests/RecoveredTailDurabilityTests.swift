import SolventCore
import Testing
@testable import SolventJournal

/// A process can die after writing records and before syncing them; they survive in the page
/// cache and the next start replays them. Before it builds anything on them (a snapshot, an
/// acknowledgement), that start must make them durable: a power cut afterwards must not leave
/// a snapshot ahead of the journal. (Found by `solvent crash-test`'s 1,000-kill run.)
struct RecoveredTailDurabilityTests {
    static let directory = DataDirectoryBuilder.directory

    @Test func recordsReplayedFromTheCacheAreSyncedBeforeASnapshotDependsOnThem() async throws {
        let disk = MemoryFileSystem()
        let first = try Sequencer(directory: Self.directory, configuration: .testing(), fileSystem: disk,
                                  clock: SteppingClock())
        for command in TradingCommands.setup { _ = try await first.execute(command) }
        let synced = first.committedSequence
        first.stop()

        let unsynced = TradingCommands.stream(seed: 0xCAC4E, count: 40)
        try appendWithoutSync(unsynced, after: synced, to: disk)
        #expect(try JournalRecovery(directory: Self.directory, fileSystem: disk.crash()).recover().lastSequence == synced,
                "the appended records must not be durable yet")

        let restarted = try Sequencer(directory: Self.directory, configuration: .testing(), fileSystem: disk,
                                      clock: SteppingClock())
        #expect(restarted.committedSequence == synced + UInt64(unsynced.count))
        restarted.stop(takingSnapshot: true)

        let afterPowerCut = try JournalRecovery(directory: Self.directory, fileSystem: disk.crash()).recover()
        #expect(afterPowerCut.lastSequence == synced + UInt64(unsynced.count))
        #expect(afterPowerCut.report.snapshotSequence == synced + UInt64(unsynced.count))
    }

    /// What a process killed between write(2) and fdatasync leaves: framed records in the tail
    /// segment (at its data's length, inside its reserve) that readers see but a power cut would drop.
    private func appendWithoutSync(_ commands: [Command], after sequence: UInt64, to disk: MemoryFileSystem) throws {
        let tail = try #require(try JournalRecovery(directory: Self.directory, fileSystem: disk, repairs: false)
            .recover().tail)
        var records = BinaryWriter()
        for (index, command) in commands.enumerated() {
            RecordFrame.append(sequence: sequence + 1 + UInt64(index), time: 1_800_000_000_000, command: command,
                               to: &records)
        }
        let path = JournalFiles.path(Self.directory, tail.name)
        #expect(try disk.read(path).count > tail.length, "the tail segment should end in reserved space")
        let file = try disk.openForWriting(path)
        try disk.writeAll(file, records.bytes, at: tail.length, path: path)
        disk.close(file)
    }
}
