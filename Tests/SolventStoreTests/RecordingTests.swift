import Foundation
import SolventCore
import SolventStore
import SolventTestSupport
import Testing

@Suite("Recording batches")
struct RecordingTests {
    @Test func lastSequenceIsZeroWhenEmptyThenTheLastCommandRecorded() throws {
        let store = try SQLiteHistoryStore(inMemory: ())
        #expect(try store.lastSequence() == 0)
        var recorded = RecordedExchange(store: store)
        try recorded.batch(at: Fixtures.newYear2024, TestMarkets.setupCommands)
        #expect(try store.lastSequence() == UInt64(TestMarkets.setupCommands.count))
        try recorded.run(.openAccount(nil), at: Fixtures.newYear2024)
        #expect(try store.lastSequence() == UInt64(TestMarkets.setupCommands.count) + 1)
        try store.record(HistoryBatch(firstSequence: 8, time: Fixtures.newYear2024, commandEvents: []))
        #expect(try store.lastSequence() == 7, "an empty batch records nothing")
    }

    @Test func recordingEveryBatchAgainChangesNoAnswer() throws {
        let session = RandomSession(seed: 11, commands: 600)
        let store = try SQLiteHistoryStore(inMemory: ())
        try session.recordAll(into: store)
        let before = try StoreAnswers(store, accounts: RandomSession.accounts, now: session.lastTime)
        try session.recordAll(into: store)
        try store.record(session.batch(commands: 0..<session.commandEvents.count))
        let after = try StoreAnswers(store, accounts: RandomSession.accounts, now: session.lastTime)
        #expect(before == after)
        #expect(after.lastSequence == UInt64(session.commandEvents.count))
    }

    @Test func aBatchOverlappingRecordedCommandsRecordsOnlyTheNewOnes() throws {
        let session = RandomSession(seed: 12, commands: 400)
        let reference = try SQLiteHistoryStore(inMemory: ())
        try session.recordAll(into: reference)
        let store = try SQLiteHistoryStore(inMemory: ())
        let total = session.commandEvents.count
        var start = 0
        var rng = SplitMix64(seed: 12)
        while start < total {
            // Each chunk repeats up to ten commands already recorded, then adds new ones.
            let overlapStart = max(0, start - Int.random(in: 0...10, using: &rng))
            let end = min(total, start + Int.random(in: 1...40, using: &rng))
            try store.record(session.batch(commands: overlapStart..<end))
            #expect(try store.lastSequence() == UInt64(end))
            start = end
        }
        let expected = try StoreAnswers(reference, accounts: RandomSession.accounts, now: session.lastTime)
        #expect(try StoreAnswers(store, accounts: RandomSession.accounts, now: session.lastTime) == expected)
    }

    @Test func aBatchAfterAGapIsRefusedAndRecordsNothing() throws {
        let session = RandomSession(seed: 13, commands: 100)
        let store = try SQLiteHistoryStore(inMemory: ())
        try store.record(session.batch(0))
        let recorded = try store.lastSequence()
        let later = session.batch(commands: Int(recorded) + 1..<Int(recorded) + 5)
        #expect(throws: HistoryStoreError.sequenceGap(expected: recorded + 1, found: recorded + 2)) {
            try store.record(later)
        }
        #expect(try store.lastSequence() == recorded)
        #expect(throws: HistoryStoreError.sequenceGap(expected: 1, found: 5)) {
            try SQLiteHistoryStore(inMemory: ()).record(session.batch(commands: 4..<9))
        }
    }

    @Test func batchesRecordedTogetherEqualOneByOneAndAGapRecordsNoneOfThem() throws {
        let session = RandomSession(seed: 14, commands: 300)
        let reference = try SQLiteHistoryStore(inMemory: ())
        try session.recordAll(into: reference)
        let together = try SQLiteHistoryStore(inMemory: ())
        let total = session.commandEvents.count
        try together.record([session.batch(commands: 0..<100), session.batch(commands: 90..<200),
                             session.batch(commands: 200..<total)])
        #expect(try together.lastSequence() == UInt64(total))
        let expected = try StoreAnswers(reference, accounts: RandomSession.accounts, now: session.lastTime)
        #expect(try StoreAnswers(together, accounts: RandomSession.accounts, now: session.lastTime) == expected)

        let gapped = try SQLiteHistoryStore(inMemory: ())
        #expect(throws: HistoryStoreError.sequenceGap(expected: 101, found: 102)) {
            try gapped.record([session.batch(commands: 0..<100), session.batch(commands: 101..<200)])
        }
        #expect(try gapped.lastSequence() == 0, "one transaction: the batch before the gap is not kept either")
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func theAnswersDoNotDependOnHowCommandsWereBatched(seed: UInt64) throws {
        let session = RandomSession(seed: seed, commands: 800)
        let batched = try SQLiteHistoryStore(inMemory: ())
        try session.recordAll(into: batched)
        let oneByOne = try SQLiteHistoryStore(inMemory: ())
        for index in session.commandEvents.indices {
            try oneByOne.record(session.batch(commands: index..<index + 1))
        }
        let whole = try SQLiteHistoryStore(inMemory: ())
        try whole.record(session.batch(commands: 0..<session.commandEvents.count))
        let expected = try StoreAnswers(batched, accounts: RandomSession.accounts, now: session.lastTime)
        #expect(try StoreAnswers(oneByOne, accounts: RandomSession.accounts, now: session.lastTime) == expected)
        #expect(try StoreAnswers(whole, accounts: RandomSession.accounts, now: session.lastTime) == expected)
    }
}

@Suite("The file store")
struct FileStoreTests {
    @Test func survivesBeingClosedAndReopened() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/history.sqlite"
        let session = RandomSession(seed: 31, commands: 500)
        let half = session.batchCount / 2
        var store: SQLiteHistoryStore? = try SQLiteHistoryStore(path: path)
        for index in 0..<half { try store!.record(session.batch(index)) }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "a file store runs in WAL mode")
        let answers = try StoreAnswers(store!, accounts: RandomSession.accounts, now: session.lastTime)
        store = nil

        store = try SQLiteHistoryStore(path: path)
        #expect(try StoreAnswers(store!, accounts: RandomSession.accounts, now: session.lastTime) == answers)
        // Catching up after a restart: every batch again, the old ones skipped.
        try session.recordAll(into: store!)
        let reference = try SQLiteHistoryStore(inMemory: ())
        try session.recordAll(into: reference)
        let expected = try StoreAnswers(reference, accounts: RandomSession.accounts, now: session.lastTime)
        #expect(try StoreAnswers(store!, accounts: RandomSession.accounts, now: session.lastTime) == expected)
    }

    @Test func queriesRunWhileBatchesAreRecorded() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteHistoryStore(path: directory.path + "/history.sqlite")
        let session = RandomSession(seed: 32, commands: 1_500)
        let total = UInt64(session.commandEvents.count)
        let batches = (0..<session.batchCount).map(session.batch)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for batch in batches { try store.record(batch) }
            }
            for reader in 0..<4 {
                group.addTask {
                    var seen: UInt64 = 0
                    while seen < total {
                        let now = try store.lastSequence()
                        #expect(now >= seen, "a reader never sees the store go back")
                        seen = now
                        _ = try store.trades(market: MarketId(reader % 3), fromId: nil, limit: 100)
                        _ = try store.klines(market: MarketId(reader % 3), interval: .oneMinute, startTime: nil,
                                             endTime: nil, limit: 100)
                        _ = try store.orders(account: AccountId(reader + 1), market: 0, fromOrderId: nil,
                                             startTime: nil, endTime: nil, limit: 100)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.lastSequence() == total)
    }
}

/// A fresh directory under the system's temporary one, removed when the value is.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
