import SolventCore
import Testing
@testable import SolventJournal

/// Segments close at the size limit and are named for their first record; pruning keeps the
/// newest snapshots and only the segments still needed after them; keeping everything keeps all.
struct SegmentRetentionTests {
    static let directory = DataDirectoryBuilder.directory
    static let commands = TradingCommands.stream(seed: 0x5E9, count: 400)

    @Test func segmentsRollAtTheSizeLimitAndAreNamedForTheirFirstSequence() async throws {
        let disk = MemoryFileSystem()
        let limit = 2_000
        try await DataDirectoryBuilder.run(Self.commands[...], on: disk, configuration: .testing(segmentSizeLimit: limit))
        let names = try JournalContents.segmentNames(in: Self.directory, fileSystem: disk)
        #expect(names.count >= 5, "\(names)")
        for (index, name) in names.enumerated() {
            let bytes = try #require(disk.durableBytes(of: DataDirectoryBuilder.path(name)), "\(name) is not durable")
            let ranges = try JournalContents.recordRanges(in: bytes)
            let first = try #require(ranges.first, "\(name) is empty")
            #expect(name == JournalFiles.segmentName(firstSequence: first.sequence))
            #expect(name.count == "journal-".count + 20 + ".log".count)
            if index < names.count - 1 {
                // Closed once it reached the limit, not before, and not long after: every group
                // commit (at most eight small records here) starts below it.
                #expect(bytes.count >= limit && ranges.last!.start < limit + 7 * 128, "\(name): \(bytes.count) bytes")
            }
        }
        #expect(try JournalContents.records(in: Self.directory, fileSystem: disk).map(\.command) == Self.commands)
        #expect(disk.durableNames(in: Self.directory).filter { $0.hasPrefix("journal-") } == names,
                "every segment's directory entry must be durable")
    }

    @Test func pruningKeepsTheNewestSnapshotAndTheSegmentsAfterItAndRecoveryStillWorks() async throws {
        let disk = MemoryFileSystem()
        let configuration = SequencerConfiguration.testing(segmentSizeLimit: 2_000, snapshotInterval: 60,
                                                           retention: .prune(snapshots: 1))
        let live = try await DataDirectoryBuilder.run(Self.commands[...], on: disk, configuration: configuration,
                                                      takingSnapshotAtStop: true)
        let total = UInt64(Self.commands.count)
        let snapshots = try JournalContents.snapshotNames(in: Self.directory, fileSystem: disk)
        #expect(snapshots == [JournalFiles.snapshotName(sequence: total)], "the final snapshot alone remains")
        let segments = JournalFiles.segments(in: try disk.list(Self.directory))
        let first = try #require(segments.first)
        #expect(first.first > 1, "old segments must be gone: \(segments.map(\.name))")
        #expect(first.first <= total + 1, "the segment holding the records after the snapshot must stay")
        #expect(segments.dropFirst().allSatisfy { $0.first > total + 1 })

        let survivor = disk.crash()
        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: survivor).recover()
        #expect(recovered.report.snapshotSequence == total && recovered.lastSequence == total)
        #expect(recovered.exchange.stateHash() == live)
        let more = TradingCommands.stream(seed: 0x5EA, count: 30).suffix(30)
        try await DataDirectoryBuilder.run(more, on: survivor, configuration: configuration)
        let again = try JournalRecovery(directory: Self.directory, fileSystem: survivor.crash()).recover()
        #expect(again.lastSequence == total + 30)
    }

    @Test func pruningToTwoSnapshotsKeepsWhatTheOlderOneNeeds() async throws {
        let disk = MemoryFileSystem()
        let configuration = SequencerConfiguration.testing(segmentSizeLimit: 1_500, snapshotInterval: 40,
                                                           retention: .prune(snapshots: 2))
        let live = try await DataDirectoryBuilder.run(Self.commands[...], on: disk, configuration: configuration)
        let snapshots = JournalFiles.snapshots(in: try disk.list(Self.directory))
        #expect(snapshots.count == 2, "\(snapshots.map(\.name))")
        let older = try #require(snapshots.last).sequence
        let segments = JournalFiles.segments(in: try disk.list(Self.directory))
        #expect(segments[0].first > 1 && segments[0].first <= older + 1, "\(segments.map(\.name)) for \(older)")
        // With the newest snapshot unreadable, the older one and the kept segments still suffice.
        disk.modifyBytes(of: DataDirectoryBuilder.path(snapshots[0].name)) { $0[$0.count / 2] ^= 0x40 }
        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk, repairs: false).recover()
        #expect(recovered.report.snapshotSequence == older && recovered.report.unusableSnapshots.count == 1)
        #expect(recovered.exchange.stateHash() == live)
    }

    @Test func keepingEverythingKeepsEverySegmentAndSnapshot() async throws {
        let disk = MemoryFileSystem()
        let configuration = SequencerConfiguration.testing(segmentSizeLimit: 2_000, snapshotInterval: 60)
        let live = try await DataDirectoryBuilder.run(Self.commands[...], on: disk, configuration: configuration)
        let snapshots = JournalFiles.snapshots(in: try disk.list(Self.directory))
        #expect(snapshots.count >= 3, "\(snapshots.map(\.name))")
        #expect(snapshots.allSatisfy { $0.sequence >= 60 })
        let records = try JournalContents.records(in: Self.directory, fileSystem: disk)
        #expect(records.first?.sequence == 1 && records.count == Self.commands.count)
        #expect(JournalContents.replay(records).stateHash() == live)
    }

    @Test(arguments: [(kept: 1, newest: 20, expected: [21, 31]), (kept: 1, newest: 19, expected: [11, 21, 31]),
                      (kept: 1, newest: 10, expected: [11, 21, 31]), (kept: 1, newest: 9, expected: [1, 11, 21, 31]),
                      (kept: 2, newest: 35, expected: [1, 11, 21, 31])])
    func pruningRemovesExactlyTheSegmentsBeforeTheOneHoldingTheRecordAfterTheOldestKeptSnapshot(
        kept: Int, newest: UInt64, expected: [UInt64]) {
        // Segments of ten records each; an older snapshot at 5 (the oldest kept one when two are).
        let disk = MemoryFileSystem()
        for first in [1, 11, 21, 31] as [UInt64] {
            disk.store([0], at: DataDirectoryBuilder.path(JournalFiles.segmentName(firstSequence: first)))
        }
        disk.store([0], at: RecoveryDecisionTests.snapshotPath(5))
        let writer = SnapshotWriter(directory: Self.directory, fileSystem: disk, retention: .prune(snapshots: kept),
                                    log: { _ in })
        writer.write(SnapshotFile(sequence: newest, time: 0, state: Exchange().encodedState()))
        writer.drain()
        let names = disk.durableNames(in: Self.directory)
        #expect(JournalFiles.segments(in: names).map(\.first) == expected)
        #expect(JournalFiles.snapshots(in: names).map(\.sequence) == (kept == 1 ? [newest] : [newest, 5]))
    }
}
