import SolventCore
import Testing
@testable import SolventJournal

/// Consumers with a durable position of their own are caught up by recovery's one replay: each
/// gets exactly the records after its position, with the events the exchange produced, and
/// recovery starts from the newest snapshot none of them is behind.
@Suite struct CatchUpTests {
    static let directory = DataDirectoryBuilder.directory

    /// Every record's events from a replay from genesis of the journal on `disk`, by sequence.
    static func referenceEvents(_ disk: MemoryFileSystem) throws -> [UInt64: [Event]] {
        var exchange = Exchange()
        var events: [UInt64: [Event]] = [:]
        try JournalReader(directory: Self.directory, fileSystem: disk).records(after: 0) { record in
            events[record.sequence] = exchange.apply(record.command, at: record.time)
        }
        return events
    }

    /// Recovers with one consumer at `position`; returns what it was handed and the report.
    static func recover(_ disk: MemoryFileSystem, consumerAt position: UInt64) throws
        -> (batches: [CommittedBatch], report: RecoveryReport) {
        var batches: [CommittedBatch] = []
        let consumer = CatchUpConsumer(name: "test", position: position) { batches.append($0) }
        let recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk, repairs: false)
            .recover(catchingUp: [consumer])
        return (batches, recovered.report)
    }

    @Test(arguments: [(UInt64(0), UInt64?.none), (150, 100), (200, 200), (249, 200), (250, 200)])
    func aConsumerGetsExactlyTheRecordsAfterItsPositionFromTheNewestSnapshotNotPastIt(
        position: UInt64, snapshot: UInt64?) async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        let reference = try Self.referenceEvents(disk)
        let (batches, report) = try Self.recover(disk, consumerAt: position)
        #expect(report.snapshotSequence == snapshot)
        #expect(report.caughtUpRecords == 250 - Int(position))
        let sequences = batches.flatMap { batch in (0..<batch.count).map { batch.firstSequence + UInt64($0) } }
        #expect(sequences == Array((position + 1)..<251))
        for batch in batches {
            #expect(Set((0..<batch.count).map { _ in batch.time }).count == 1, "one time per batch")
            for index in 0..<batch.count {
                #expect(Array(batch.events(of: index)) == reference[batch.firstSequence + UInt64(index)])
            }
        }
    }

    @Test func aConsumerAheadOfTheJournalIsRefused() async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        #expect(throws: JournalError.inconsistent("test holds records through 251 but the journal ends at 250")) {
            _ = try Self.recover(disk, consumerAt: 251)
        }
    }

    @Test func aConsumerThatFailsStopsRecoveryWithItsName() async throws {
        let (disk, _) = try await DataDirectoryBuilder.withTwoSnapshots()
        struct Full: Error, CustomStringConvertible { var description: String { "disk full" } }
        let consumer = CatchUpConsumer(name: "the history store", position: 10) { _ in throw Full() }
        #expect(throws: JournalError.consumerFailed(name: "the history store", reason: "disk full")) {
            _ = try JournalRecovery(directory: Self.directory, fileSystem: disk, repairs: false).recover(catchingUp: [consumer])
        }
    }

    @Test func theSequencerCatchesConsumersUpBeforeItsFirstCommand() async throws {
        let (disk, commands) = try await DataDirectoryBuilder.withTwoSnapshots()
        var positions: [String: UInt64] = [:]
        let consumers = [("history", UInt64(40)), ("journal log", UInt64(230))].map { name, position in
            positions[name] = position
            return CatchUpConsumer(name: name, position: position) { batch in
                #expect(batch.firstSequence == positions[name]! + 1, "\(name) gets the next record")
                positions[name] = batch.lastSequence
            }
        }
        let sequencer = try Sequencer(directory: Self.directory, configuration: .testing(), fileSystem: disk,
                                      clock: SteppingClock(), catchingUp: consumers)
        #expect(positions == ["history": UInt64(commands.count), "journal log": UInt64(commands.count)])
        #expect(sequencer.recovery.snapshotSequence == nil, "history at 40 is behind both snapshots")
        sequencer.stop()
    }
}
