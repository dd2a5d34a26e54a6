import SolventCore
import Testing
@testable import SolventJournal

/// What recovery decides about the files it finds: a snapshot that does not read back is passed
/// over for an older one or a full replay; leftover temporary files go; damage in the middle of
/// the journal, or a journal shorter than a snapshot, stops the start with what to look at.
struct RecoveryDecisionTests {
    static let directory = DataDirectoryBuilder.directory

    static func snapshotPath(_ sequence: UInt64) -> String {
        DataDirectoryBuilder.path(JournalFiles.snapshotName(sequence: sequence))
    }

    /// The state after all 250 records, by plain replay.
    static func reference(_ disk: MemoryFileSystem) throws -> SHA256Digest {
        JournalContents.replay(try JournalContents.records(in: directory, fileSystem: disk)).stateHash()
    }

    @Test func aDamagedNewestSnapshotIsPassedOverForTheOlderOne() async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        #expect(try JournalContents.snapshotNames(in: Self.directory, fileSystem: disk).count == 2)
        disk.modifyBytes(of: Self.snapshotPath(200)) { $0[$0.count / 2] ^= 0x01 }
        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        let reference = try Self.reference(disk)
        #expect(recovered.report.unusableSnapshots.count == 1)
        let expectedReason = JournalFiles.snapshotName(sequence: 200) + ": checksum mismatch"
        #expect(recovered.report.unusableSnapshots.first?.hasPrefix(expectedReason) == true,
                "\(recovered.report.unusableSnapshots)")
        #expect(recovered.report.snapshotSequence == 100 && recovered.report.replayedRecords == 150)
        #expect(recovered.lastSequence == 250 && recovered.exchange.stateHash() == reference)
        #expect(recovered.report.lines.contains { $0.hasPrefix("recovery: skipped snapshot snapshot-") })
    }

    @Test func withEverySnapshotUnusableTheWholeJournalIsReplayed() async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        // A snapshot file whose contents are another sequence's is not trusted either.
        disk.store(disk.bytes(of: Self.snapshotPath(100))!, at: Self.snapshotPath(99))
        disk.modifyBytes(of: Self.snapshotPath(200)) { $0.removeLast($0.count - 10) }
        disk.modifyBytes(of: Self.snapshotPath(100)) { $0[0] ^= 0x20 }
        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        let reference = try Self.reference(disk)
        #expect(recovered.report.snapshotSequence == nil && recovered.report.replayedRecords == 250)
        let reasons = recovered.report.unusableSnapshots
        #expect(reasons.count == 3 && reasons[0].hasSuffix("shorter than a snapshot header")
                && reasons[1].hasSuffix("checksum mismatch") && reasons[2].hasSuffix("holds sequence 100, not 99"),
                "\(reasons)")
        #expect(recovered.exchange.stateHash() == reference)
    }

    @Test func aSnapshotHoldingAnotherSequenceThanItsNameIsUnusable() async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        disk.store(disk.bytes(of: Self.snapshotPath(100))!, at: Self.snapshotPath(240))
        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        let reference = try Self.reference(disk)
        let reason = JournalFiles.snapshotName(sequence: 240) + ": holds sequence 100, not 240"
        #expect(recovered.report.unusableSnapshots == [reason])
        #expect(recovered.report.snapshotSequence == 200)
        #expect(recovered.exchange.stateHash() == reference)
    }

    @Test func leftoverTemporaryFilesAreRemovedAndReported() async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        let leftovers = [JournalFiles.snapshotName(sequence: 300) + ".tmp", "stray.tmp"]
        for name in leftovers { disk.store([1, 2, 3], at: DataDirectoryBuilder.path(name)) }

        let looking = try JournalRecovery(directory: Self.directory, fileSystem: disk, repairs: false).recover()
        #expect(looking.report.removedTemporaryFiles.isEmpty && looking.report.snapshotSequence == 200)
        #expect(leftovers.allSatisfy { disk.bytes(of: DataDirectoryBuilder.path($0)) != nil }, "read-only must not remove")

        let logged = Locked<[String]>([])
        let sequencer = try Sequencer(directory: Self.directory, fileSystem: disk, clock: SteppingClock(),
                                      hooks: SequencerHooks(log: { logged.append($0) }))
        sequencer.stop()
        #expect(sequencer.recovery.removedTemporaryFiles.sorted() == leftovers.sorted())
        #expect(leftovers.allSatisfy { disk.bytes(of: DataDirectoryBuilder.path($0)) == nil })
        #expect(logged.value.contains("recovery: removed leftover stray.tmp"))
    }

    @Test func damageInTheMiddleOfTheJournalRefusesToStartNamingFileAndOffset() async throws {
        let disk = MemoryFileSystem()
        let commands = TradingCommands.stream(seed: 0xBAD, count: 200)
        try await DataDirectoryBuilder.run(commands[...], on: disk, configuration: .testing(segmentSizeLimit: 3_000))
        let name = try #require(try JournalContents.segmentNames(in: Self.directory, fileSystem: disk).first)
        let path = DataDirectoryBuilder.path(name)
        let ranges = try JournalContents.recordRanges(in: disk.bytes(of: path)!)
        let victim = ranges[ranges.count / 2]
        disk.modifyBytes(of: path) { $0[victim.start + 20] ^= 0x08 }
        let before = disk.bytes(of: path)

        #expect(throws: JournalError.corrupt(path: path, offset: victim.start,
                                             reason: "checksum mismatch; valid records follow it, refusing to skip it")) {
            _ = try Sequencer(directory: Self.directory, fileSystem: disk, clock: SteppingClock())
        }
        do throws(JournalError) {
            _ = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
            Issue.record("recovery accepted a journal damaged in the middle")
        } catch {
            #expect(error.description.contains(path) && error.description.contains("at byte \(victim.start)"), "\(error)")
        }
        #expect(disk.bytes(of: path) == before, "a refused start must leave the evidence alone")
    }

    @Test func aJournalEndingBeforeTheNewestSnapshotIsInconsistent() async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        // Lose the records after 150 at a record boundary, as if the journal had been replaced.
        let segments = JournalFiles.segments(in: try disk.list(Self.directory))
        let holder = try #require(segments.last { $0.first <= 151 })
        for later in segments where later.first > holder.first { try disk.remove(DataDirectoryBuilder.path(later.name)) }
        let path = DataDirectoryBuilder.path(holder.name)
        let cut = try #require(try JournalContents.recordRanges(in: disk.bytes(of: path)!).first { $0.sequence == 151 })
        try disk.truncate(path, to: cut.start)
        #expect(throws: JournalError.inconsistent("the journal ends at 150, before the snapshot at 200")) {
            _ = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        }
    }
}
