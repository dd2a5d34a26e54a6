import Foundation
import SolventCore
import Testing
@testable import SolventJournal

/// The order the sequencer imposes: sequence numbers from 1 without gaps, across batches and
/// restarts; stamped time that never goes back, whatever the clock does; and group commits that
/// really group when callers are concurrent.
struct SequencingOrderTests {
    static let directory = "/data"

    @Test func stampedTimeNeverGoesBackwardsEvenWhenTheClockDoes() async throws {
        let disk = MemoryFileSystem()
        let clock = ScriptedClock([1_000, 990, 1_005, 400, 1_005, 2_000, 1_999, 3_000, 0, 2_500])
        let sequencer = try Sequencer(directory: Self.directory, fileSystem: disk, clock: clock)
        var times: [Timestamp] = []
        for _ in 0..<10 { times.append(try await sequencer.execute(.openAccount(nil)).time) }
        sequencer.stop()
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "\(times)")
        #expect(times.first == 1_000 && times.last == 3_000, "\(times)")
        #expect(Set(times).isSubset(of: [1_000, 1_005, 2_000, 3_000]), "\(times)")

        // After a restart the clock may be far behind: time resumes from the journal's last.
        let restarted = try Sequencer(directory: Self.directory, fileSystem: disk, clock: ScriptedClock([5]))
        #expect(try await restarted.execute(.openAccount(nil)).time == 3_000)
        restarted.stop()
        let records = try JournalContents.records(in: Self.directory, fileSystem: disk)
        #expect(records.map(\.time) == times + [3_000])
    }

    @Test func sequenceNumbersAreContiguousFromOneAcrossBatchesAndRestarts() async throws {
        let disk = MemoryFileSystem()
        var sequences: [UInt64] = []
        for run in 0..<3 {
            let sequencer = try Sequencer(directory: Self.directory, configuration: .testing(segmentSizeLimit: 500),
                                          fileSystem: disk, clock: SteppingClock())
            #expect(sequencer.committedSequence == UInt64(sequences.count))
            for _ in 0..<5 { sequences.append(try await sequencer.execute(.openAccount(nil)).sequence) }
            let burst = await sequencer.submitTogether([Command](repeating: .deposit(1, 0, 1), count: 10 + run))
            sequences += try burst.map { try $0.get().sequence }
            sequencer.stop()
        }
        #expect(sequences == Array(1...UInt64(sequences.count)))
        #expect(try JournalContents.records(in: Self.directory, fileSystem: disk).map(\.sequence) == sequences)
    }

    @Test func concurrentSubmittersShareGroupCommitsWithContiguousSequences() async throws {
        let disk = MemoryFileSystem()
        // A sync that takes a moment, as a disk's does, gives callers time to pile up.
        disk.gateSyncs { path in if path.contains("journal-") { usleep(1_000) } }
        let batches = Locked<[(first: UInt64, count: Int)]>([])
        let hooks = SequencerHooks(onCommit: { batch in batches.append((batch.firstSequence, batch.count)) })
        let sequencer = try Sequencer(directory: Self.directory, fileSystem: disk, clock: SteppingClock(), hooks: hooks)
        let submitters = 8
        let perSubmitter = 40
        let sequences = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for submitter in 0..<submitters {
                group.addTask {
                    var mine: [UInt64] = []
                    for _ in 0..<perSubmitter {
                        mine.append(try await sequencer.execute(.deposit(AccountId(submitter), 0, 1)).sequence)
                    }
                    return mine
                }
            }
            var all: [[UInt64]] = []
            for try await mine in group { all.append(mine) }
            return all
        }
        sequencer.stop()
        let total = submitters * perSubmitter
        #expect(sequences.allSatisfy { zip($0, $0.dropFirst()).allSatisfy { $0 < $1 } }, "each caller's order is kept")
        #expect(sequences.flatMap { $0 }.sorted() == Array(1...UInt64(total)))
        let published = batches.value
        #expect(published.first?.first == 1)
        #expect(zip(published, published.dropFirst()).allSatisfy { $0.first + UInt64($0.count) == $1.first },
                "batches must follow each other without gap or overlap")
        #expect(published.reduce(0) { $0 + $1.count } == total)
        #expect(published.contains { $0.count > 1 }, "no group commit grouped anything: \(published.count) batches")
    }

    @Test func noGroupCommitExceedsMaxBatch() async throws {
        let disk = MemoryFileSystem()
        let batches = Locked<[Int]>([])
        var configuration = SequencerConfiguration.testing()
        configuration.maxBatch = 4
        let sequencer = try Sequencer(directory: Self.directory, configuration: configuration, fileSystem: disk,
                                      clock: SteppingClock(), hooks: SequencerHooks(onCommit: { batches.append($0.count) }))
        let results = await sequencer.submitTogether([Command](repeating: .openAccount(nil), count: 101))
        sequencer.stop()
        #expect(try results.map { try $0.get().sequence } == Array(1...101))
        #expect(batches.value.allSatisfy { $0 >= 1 && $0 <= 4 } && batches.value.reduce(0, +) == 101, "\(batches.value)")
    }
}
