import Foundation
import SolventCore
import SolventJournal
@testable import SolventServer
import Testing

/// The hand-over from the commit hook to the threads that gather batches (history, journal
/// log): everything arrives once and in order, and a hurry or the command limit ends a
/// gathering without waiting for its window. The windows here are an hour, so a gathering that
/// were not ended early would hang the test instead of passing it.
@Suite struct GatheringQueueTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-gathering-\(UUID())").path

    /// A sequencer whose durable batches go into `queue`, with BTC listed and one account.
    func sequencer(feeding queue: GatheringQueue) async throws -> Sequencer {
        let sequencer = try Sequencer(directory: directory, hooks: SequencerHooks(onCommit: { queue.append($0) }))
        _ = try await sequencer.execute(.listAsset(AssetSpec(name: "BTC", scale: 8)))
        _ = try await sequencer.execute(.openAccount(nil))
        return sequencer
    }

    /// Takes gatherings on a plain thread (`next` blocks) until `sequence` is in.
    func gathered(from queue: GatheringQueue, through sequence: UInt64) async -> [CommittedBatch] {
        await withCheckedContinuation { continuation in
            Thread {
                var batches: [CommittedBatch] = []
                while batches.last.map({ $0.lastSequence < sequence }) ?? true { batches += queue.next() }
                continuation.resume(returning: batches)
            }.start()
        }
    }

    @Test func aHurryEndsTheWindowAndEveryBatchArrivesOnceInOrder() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let queue = GatheringQueue(window: .seconds(3_600))
        let sequencer = try await sequencer(feeding: queue)
        for amount in 1...50 { _ = try await sequencer.execute(.deposit(1, 0, Amount(amount))) }
        let committed = sequencer.committedSequence
        queue.hurry()
        let batches = await gathered(from: queue, through: committed)
        sequencer.stop()
        #expect(batches.first?.firstSequence == 1)
        #expect(batches.last?.lastSequence == committed)
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $0.lastSequence + 1 == $1.firstSequence })
    }

    @Test func aHurryBeforeTheBatchArrivesServesIt() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let queue = GatheringQueue(window: .seconds(3_600))
        queue.hurry()
        let sequencer = try await sequencer(feeding: queue)
        let batches = await gathered(from: queue, through: 1)
        sequencer.stop()
        #expect(batches.first?.firstSequence == 1)
    }

    @Test func theCommandLimitEndsTheWindow() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let queue = GatheringQueue(window: .seconds(3_600), commandLimit: 20)
        let sequencer = try await sequencer(feeding: queue)
        for amount in 1...20 { _ = try await sequencer.execute(.deposit(1, 0, Amount(amount))) }
        let batches = await gathered(from: queue, through: 20)
        sequencer.stop()
        #expect(batches.reduce(0) { $0 + $1.count } >= 20)
    }
}
