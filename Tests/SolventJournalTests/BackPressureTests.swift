import Foundation
import SolventCore
import Testing
@testable import SolventJournal

/// The inbound queue is bounded: while the disk holds a sync, callers beyond its capacity are
/// told `busy` at once, and everything that was accepted is acknowledged, in order, once the disk
/// moves again. Refused submissions never reach the journal.
struct BackPressureTests {
    static let capacity = 16

    @Test func aFullQueueRefusesWithBusyAndEveryAcceptedCommandIsAcknowledgedInOrder() async throws {
        let disk = MemoryFileSystem()
        let gate = SyncGate()
        disk.gateSyncs { gate.pass($0) }
        let sequencer = try Sequencer(directory: "/data", configuration: .testing(queueCapacity: Self.capacity),
                                      fileSystem: disk, clock: SteppingClock())
        let acknowledged = Locked<[(index: Int, sequence: UInt64)]>([])
        func submit(_ index: Int) throws(SequencerError) {
            try sequencer.submit(.openAccount(nil)) { result in
                if case .success(let outcome) = result { acknowledged.append((index, outcome.sequence)) }
            }
        }
        try submit(0)
        #expect(gate.awaitHeldSync(), "the first commit never reached the disk")
        var accepted = 1
        var refusals: [SequencerError] = []
        // Later stages take a few batches off the queue before they stall too; keep filling
        // until the queue stays full: a submission after a pause is still refused.
        for _ in 0..<50 {
            var refusal: SequencerError?
            while refusal == nil && accepted < 100 * Self.capacity {
                do throws(SequencerError) { try submit(accepted); accepted += 1 } catch { refusal = error }
            }
            refusals.append(refusal ?? .stopped)
            try await Task.sleep(nanoseconds: 10_000_000)
            do throws(SequencerError) { try submit(accepted); accepted += 1 } catch {
                refusals.append(error)
                break
            }
        }
        #expect(!refusals.isEmpty && refusals.allSatisfy { $0 == .busy }, "\(refusals)")
        // Bounded everywhere: the queue, plus at most one full queue's worth in each batch the
        // later stages hold (in flight, and the one the sequencer waits to hand over).
        let inFlight = SequencerConfiguration().batchesInFlight
        #expect(accepted > Self.capacity && accepted <= 1 + (inFlight + 2) * Self.capacity, "\(accepted) accepted")
        #expect(acknowledged.value.isEmpty, "nothing may be acknowledged while its sync is held")

        gate.release()
        let all = try await Self.waitFor { acknowledged.value.count == accepted }
        #expect(all, "\(acknowledged.value.count) of \(accepted) acknowledged")
        #expect(acknowledged.value.map(\.index) == Array(0..<accepted))
        #expect(acknowledged.value.map(\.sequence) == Array(1...UInt64(accepted)))
        // With room again, submissions are taken.
        #expect(try await sequencer.execute(.openAccount(nil)).sequence == UInt64(accepted) + 1)
        sequencer.stop()
        #expect(try JournalContents.records(in: "/data", fileSystem: disk).count == accepted + 1)
    }

    @Test func refusedSubmissionsSayWhyAndNeverReachTheJournal() async throws {
        let disk = MemoryFileSystem()
        let sequencer = try Sequencer(directory: "/data", configuration: .testing(), fileSystem: disk,
                                      clock: SteppingClock())
        let unencodable = Command.listAsset(AssetSpec(name: String(repeating: "X", count: AssetSpec.nameLengthMax + 1)))
        #expect(throws: SequencerError.notEncodable) { try sequencer.submit(unencodable) { _ in } }
        await #expect(throws: SequencerError.notEncodable) { try await sequencer.execute(unencodable) }
        #expect(try await sequencer.execute(.openAccount(nil)).sequence == 1)
        sequencer.stop()
        #expect(throws: SequencerError.stopped) { try sequencer.submit(.openAccount(nil)) { _ in } }
        await #expect(throws: SequencerError.self) { try await sequencer.inspect { $0.stateHash() } }
        #expect(try JournalContents.records(in: "/data", fileSystem: disk).map(\.command) == [.openAccount(nil)])
    }

    /// Polls `condition` every few milliseconds for up to twenty seconds (a loaded CI machine).
    static func waitFor(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<4_000 {
            if condition() { return true }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        return condition()
    }
}
