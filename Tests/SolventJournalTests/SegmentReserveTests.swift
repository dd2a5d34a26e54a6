import SolventCore
import Testing
@testable import SolventJournal
import SolventTestSupport

/// The writer reserves a segment's space ahead of its data, so the newest segment ends in zeros.
/// Those zeros are the clean end of the data: recovery neither reports nor cuts them, writing
/// resumes at the data's length, and rolled segments hold no zeros. Damage stays damage: a torn
/// record before the zeros is a torn tail, zeros before a valid record are refused.
struct SegmentReserveTests {
    static let directory = DataDirectoryBuilder.directory

    /// A journal in one segment that ends in its reserve, as the next process finds it.
    static func journalEndingInReserve(count: Int = 60) async throws -> (disk: MemoryFileSystem, path: String) {
        let disk = MemoryFileSystem()
        try await DataDirectoryBuilder.run(TradingCommands.stream(seed: 0x2E5, count: count)[...], on: disk,
                                           configuration: .testing(segmentSizeLimit: 1 << 20))
        let survivor = disk.crash()
        let name = try #require(try JournalContents.segmentNames(in: directory, fileSystem: survivor).last)
        return (survivor, DataDirectoryBuilder.path(name))
    }

    static func dataLength(of path: String, on disk: MemoryFileSystem) throws -> Int {
        try JournalContents.recordRanges(in: disk.bytes(of: path)!).last?.end ?? 0
    }

    @Test func aSegmentEndingInItsReserveRecoversEveryRecordWithoutTruncation() async throws {
        let (disk, path) = try await Self.journalEndingInReserve()
        let bytes = try #require(disk.bytes(of: path))
        let dataLength = try Self.dataLength(of: path, on: disk)
        #expect(bytes.count > dataLength && bytes[dataLength...].allSatisfy { $0 == 0 }, "no reserve after the data")
        let records = try JournalContents.records(in: Self.directory, fileSystem: disk)

        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        #expect(recovered.lastSequence == UInt64(records.count) && recovered.report.replayedRecords == records.count)
        #expect(recovered.report.truncatedTail == nil)
        #expect(recovered.tail?.length == dataLength)
        #expect(disk.bytes(of: path) == bytes, "the reserve is not damage and is not cut")
        #expect(try JournalReader(directory: Self.directory, fileSystem: disk).records(after: 0) { _ in } == nil)
    }

    @Test func writingContinuesAtTheDataLengthAfterARestart() async throws {
        let (disk, path) = try await Self.journalEndingInReserve()
        let before = try JournalContents.records(in: Self.directory, fileSystem: disk)
        let more = TradingCommands.stream(seed: 0x2E6, count: 40)
        try await DataDirectoryBuilder.run(more[...], on: disk, configuration: .testing(segmentSizeLimit: 1 << 20))
        let afterRestart = disk.crash()
        #expect(try JournalContents.segmentNames(in: Self.directory, fileSystem: afterRestart).count == 1)
        let records = try JournalContents.records(in: Self.directory, fileSystem: afterRestart)
        #expect(records.count == before.count + more.count)
        #expect(Array(records.prefix(before.count)) == before && records.suffix(more.count).map(\.command) == more)
        #expect(try afterRestart.bytes(of: path)!.count > Self.dataLength(of: path, on: afterRestart))

        // A second restart reads everything and writes after it again.
        let sequencer = try Sequencer(directory: Self.directory, fileSystem: afterRestart, clock: SteppingClock())
        #expect(sequencer.recovery.replayedRecords == records.count && sequencer.recovery.truncatedTail == nil)
        #expect(try await sequencer.execute(.openAccount(nil)).sequence == UInt64(records.count + 1))
        sequencer.stop()
        #expect(try JournalContents.records(in: Self.directory, fileSystem: afterRestart.crash()).count == records.count + 1)
    }

    @Test func rolledSegmentsEndAtTheirDataAndOnlyTheNewestHasAReserve() async throws {
        let disk = MemoryFileSystem()
        try await DataDirectoryBuilder.run(TradingCommands.stream(seed: 0x2E7, count: 200)[...], on: disk,
                                           configuration: .testing(segmentSizeLimit: 2_000))
        let survivor = disk.crash()
        let names = try JournalContents.segmentNames(in: Self.directory, fileSystem: survivor)
        #expect(names.count >= 3)
        for name in names {
            let path = DataDirectoryBuilder.path(name)
            let length = try #require(survivor.bytes(of: path)).count
            let dataLength = try Self.dataLength(of: path, on: survivor)
            if name == names.last {
                #expect(length > dataLength, "the newest segment should still have its reserve")
            } else {
                #expect(length == dataLength, "\(name) keeps \(length - dataLength) bytes of reserve")
            }
        }
        #expect(try JournalContents.records(in: Self.directory, fileSystem: survivor).count
                == TradingCommands.setup.count + 200)
    }

    @Test func aTornRecordFollowedByTheReserveIsCutAsATornTail() async throws {
        let (disk, path) = try await Self.journalEndingInReserve()
        let dataLength = try Self.dataLength(of: path, on: disk)
        let records = try JournalContents.records(in: Self.directory, fileSystem: disk)
        let next = Self.frame(sequence: UInt64(records.count + 1))
        let torn = next.count - 3
        disk.modifyBytes(of: path) { $0.replaceSubrange(dataLength..<(dataLength + torn), with: next.prefix(torn)) }

        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        #expect(recovered.lastSequence == UInt64(records.count))
        #expect(recovered.report.truncatedTail?.hasPrefix("\(path) at byte \(dataLength) (") == true,
                "\(recovered.report.truncatedTail ?? "no truncation reported")")
        #expect(recovered.tail?.length == dataLength && disk.bytes(of: path)?.count == dataLength)
    }

    @Test func zerosFollowedByAValidRecordAreRefused() async throws {
        let (disk, path) = try await Self.journalEndingInReserve()
        let dataLength = try Self.dataLength(of: path, on: disk)
        let records = try JournalContents.records(in: Self.directory, fileSystem: disk)
        let next = Self.frame(sequence: UInt64(records.count + 1))
        let gap = 64
        disk.modifyBytes(of: path) {
            $0.replaceSubrange((dataLength + gap)..<(dataLength + gap + next.count), with: next)
        }
        let before = disk.bytes(of: path)
        #expect(throws: JournalError.corrupt(path: path, offset: dataLength,
                                             reason: "record length 0 out of range; valid records follow it, refusing to skip it")) {
            _ = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        }
        #expect(disk.bytes(of: path) == before, "a refused start must leave the evidence alone")
    }

    @Test func onlyZerosToTheEndOfTheFileAreAReserve() {
        #expect(SegmentReserve.starts(at: 0, in: [UInt8]()))
        #expect(SegmentReserve.starts(at: 3, in: [1, 2, 3] + [UInt8](repeating: 0, count: 37)))
        #expect(!SegmentReserve.starts(at: 3, in: [1, 2, 3] + [UInt8](repeating: 0, count: 36) + [1]))
        #expect(!SegmentReserve.starts(at: 3, in: [1, 2, 3] + [UInt8](repeating: 0, count: 9) + [4] + [0, 0]))
        #expect(SegmentReserve.starts(at: 3, in: [1, 2, 3]))
    }

    private static func frame(sequence: UInt64) -> [UInt8] {
        var writer = BinaryWriter()
        RecordFrame.append(sequence: sequence, time: 1_800_000_000_000, command: .openAccount(nil), to: &writer)
        return writer.bytes
    }
}
