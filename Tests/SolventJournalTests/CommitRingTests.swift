import Foundation
import SolventCore
import Testing
@testable import SolventJournal

/// The commit ring: every cursor sees every durable batch once and in order; the ring never
/// holds more than its bounds, and the committer waits for a slow consumer instead of dropping
/// anything; a gathering ends at its window, at a hurry or at its command limit; closing drains.
/// Windows here are an hour, so a gathering that were not ended early would hang, not pass.
@Suite struct CommitRingTests {
    static let directory = DataDirectoryBuilder.directory

    /// A sequencer on a memory disk publishing into `ring`, with the trading setup applied.
    func sequencer(publishingTo ring: CommitRing) async throws -> Sequencer {
        let sequencer = try Sequencer(directory: Self.directory, configuration: .testing(), fileSystem: MemoryFileSystem(),
                                      clock: SteppingClock(), ring: ring)
        for command in TradingCommands.setup { _ = try await sequencer.execute(command) }
        return sequencer
    }

    /// A sequencer publishing into `ring`, handed the setup one command per batch without
    /// waiting for answers (a full ring holds them back); returns once the committer has had to
    /// wait for room.
    func sequencerWaitingForRoom(in ring: CommitRing) async throws -> Sequencer {
        let sequencer = try Sequencer(directory: Self.directory, configuration: .testing(), fileSystem: MemoryFileSystem(),
                                      clock: SteppingClock(), ring: ring)
        for (index, command) in TradingCommands.setup.enumerated() {
            try sequencer.submit(command) { _ in }
            // The next command goes into a batch of its own, unless the committer is stuck.
            for _ in 0..<5_000 where sequencer.committedSequence <= UInt64(index) && ring.producerWaits == 0 {
                try await Task.sleep(nanoseconds: 1_000_000)
            }
        }
        return sequencer
    }

    /// Takes on a plain thread (`take` blocks) until `sequence` is in or the ring ends.
    func taken(from cursor: RingCursor, through sequence: UInt64, gathering: Gathering = .immediate) async
        -> [CommittedBatch] {
        await withCheckedContinuation { continuation in
            Thread {
                var batches: [CommittedBatch] = []
                while batches.last.map({ $0.lastSequence < sequence }) ?? true {
                    guard cursor.take(into: &batches, gathering: gathering) else { break }
                }
                continuation.resume(returning: batches)
            }.start()
        }
    }

    func inOrderWithoutGaps(_ batches: [CommittedBatch], from first: UInt64 = 1) -> Bool {
        batches.first?.firstSequence == first
            && zip(batches, batches.dropFirst()).allSatisfy { $0.lastSequence + 1 == $1.firstSequence }
    }

    @Test func everyCursorSeesEveryBatchOnceInOrder() async throws {
        let ring = CommitRing()
        let (history, streams) = (ring.cursor("history"), ring.cursor("streams"))
        let sequencer = try await sequencer(publishingTo: ring)
        let commands = TradingCommands.stream(seed: 0x21, count: 300)
        for start in stride(from: 0, to: commands.count, by: 7) {
            _ = await sequencer.submitTogether(Array(commands[start..<min(commands.count, start + 7)]))
        }
        let committed = sequencer.committedSequence
        async let first = taken(from: history, through: committed)
        async let second = taken(from: streams, through: committed, gathering: Gathering(windowNanoseconds: 1_000_000))
        let (a, b) = await (first, second)
        sequencer.stop()
        #expect(inOrderWithoutGaps(a) && a.last?.lastSequence == committed)
        #expect(inOrderWithoutGaps(b) && b.last?.lastSequence == committed)
        #expect(a.map(\.firstSequence) == b.map(\.firstSequence), "the same batches, shared")
    }

    @Test func aSlowConsumerHoldsTheCommitterBackAndLosesNothing() async throws {
        let ring = CommitRing(batchesMax: 2, commandsMax: 1_000)
        let slow = ring.cursor("slow")
        let sequencer = try await sequencerWaitingForRoom(in: ring)
        #expect(ring.producerWaits > 0, "the setup overfills a two-batch ring")
        #expect(ring.held.batches == 2)
        let batches = await taken(from: slow, through: UInt64(TradingCommands.setup.count))
        #expect(inOrderWithoutGaps(batches))
        #expect(batches.last?.lastSequence == UInt64(TradingCommands.setup.count))
        sequencer.stop()
    }

    @Test func theCommandBudgetBoundsTheRingToo() async throws {
        let ring = CommitRing(batchesMax: 1_000, commandsMax: 3)
        let cursor = ring.cursor("slow")
        let sequencer = try await sequencerWaitingForRoom(in: ring)
        #expect(ring.held.commands <= 3 && ring.producerWaits > 0)
        let batches = await taken(from: cursor, through: UInt64(TradingCommands.setup.count))
        #expect(inOrderWithoutGaps(batches))
        sequencer.stop()
    }

    @Test func aHurryEndsTheWindow() async throws {
        let ring = CommitRing()
        let cursor = ring.cursor("history")
        let sequencer = try await sequencer(publishingTo: ring)
        let committed = sequencer.committedSequence
        cursor.hurry()
        let batches = await taken(from: cursor, through: committed, gathering: Gathering(windowNanoseconds: 3_600_000_000_000))
        sequencer.stop()
        #expect(inOrderWithoutGaps(batches) && batches.last?.lastSequence == committed)
    }

    @Test func theCommandLimitEndsTheWindow() async throws {
        let ring = CommitRing()
        let cursor = ring.cursor("history")
        let sequencer = try await sequencer(publishingTo: ring)
        let count = UInt64(TradingCommands.setup.count)
        let gathering = Gathering(windowNanoseconds: 3_600_000_000_000, commandsMax: Int(count))
        let batches = await taken(from: cursor, through: count, gathering: gathering)
        sequencer.stop()
        #expect(batches.reduce(0) { $0 + $1.count } >= Int(count))
    }

    @Test func stoppingTheSequencerClosesTheRingAfterItsLastBatch() async throws {
        let ring = CommitRing()
        let cursor = ring.cursor("history")
        let sequencer = try await sequencer(publishingTo: ring)
        let committed = sequencer.committedSequence
        sequencer.stop()
        let batches = await taken(from: cursor, through: .max)  // ends only because the ring closed
        #expect(inOrderWithoutGaps(batches) && batches.last?.lastSequence == committed)
        var more: [CommittedBatch] = []
        #expect(!cursor.take(into: &more) && more.isEmpty)
    }

    @Test func aDetachedCursorNoLongerHoldsTheRing() async throws {
        let ring = CommitRing(batchesMax: 2, commandsMax: 1_000)
        ring.cursor("gone").detach()
        let sequencer = try await sequencer(publishingTo: ring)
        #expect(sequencer.committedSequence == UInt64(TradingCommands.setup.count))
        #expect(ring.held.batches == 0 && ring.producerWaits == 0)
        sequencer.stop()
    }

    @Test func aTimedTakeReturnsWithNothingWhenNothingCame() {
        let ring = CommitRing()
        let cursor = ring.cursor("hub")
        var batches: [CommittedBatch] = []
        #expect(cursor.take(into: &batches, timeoutNanoseconds: 1_000_000))
        #expect(batches.isEmpty)
    }
}
