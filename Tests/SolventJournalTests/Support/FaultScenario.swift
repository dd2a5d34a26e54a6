import Foundation
import SolventCore
@testable import SolventJournal
import SolventTestSupport

/// One seeded run of the real sequencer on a memory disk with one scripted fault: what was
/// submitted, every answer in the order it arrived, and the disk to crash afterwards.
struct FaultScenario {
    enum Delivery: Sendable {
        /// A reply to the command with this index in `commands`.
        case reply(Int, SequencerResult)
        /// `onFailure` ran.
        case failureHook(SequencerError)
    }

    static let directory = "/data"
    let seed: UInt64
    let fault: Fault
    let commands: [Command]
    let disk: MemoryFileSystem
    /// Indices of the commands `submit` accepted, in submission order.
    private(set) var accepted: [Int] = []
    /// Indices of the commands `submit` refused at once, with why.
    private(set) var refused: [(index: Int, error: SequencerError)] = []
    /// Replies and hook calls in the order the sequencer made them.
    let deliveries = Locked<[Delivery]>([])

    /// A random fault at a random point: a short write, EIO on a write, EIO on a sync (with the
    /// data persisted or lost). `shortWritesOnly`: a scripted short write and many random ones.
    init(seed: UInt64, shortWritesOnly: Bool = false) {
        var random = SplitMix64(seed: seed)
        self.seed = seed
        commands = TradingCommands.stream(seed: seed, count: 200)
        disk = MemoryFileSystem(seed: seed)
        // At least 25 writes happen (200 commands in bursts of at most 8, each its own commit
        // at the least), so a scripted short write at 20 or before always fires.
        let nth = Int.random(in: 1...(shortWritesOnly ? 20 : 45), using: &random)
        if shortWritesOnly {
            fault = .shortWrite(nth: nth)
            disk.shortenWrites(percent: 40)
        } else {
            fault = random.pick([.shortWrite(nth: nth), .failWrite(nth: nth), .failSync(nth: nth, persisted: true),
                                 .failSync(nth: nth, persisted: false)])
        }
        disk.inject([fault])
    }

    var configuration: SequencerConfiguration { .testing(segmentSizeLimit: 2_000, snapshotInterval: 60) }

    /// Submits the commands in bursts of one to eight, each burst answered before the next,
    /// until all are in or an answer says the journal failed. Returns the running sequencer.
    mutating func run() async throws -> Sequencer {
        let deliveries = deliveries
        let hooks = SequencerHooks(onFailure: { deliveries.append(.failureHook($0)) })
        let sequencer = try Sequencer(directory: Self.directory, configuration: configuration, fileSystem: disk,
                                      clock: SteppingClock(), hooks: hooks)
        var random = SplitMix64(seed: seed ^ 0xB0B)
        var position = 0
        while position < commands.count {
            let burst = position..<min(commands.count, position + Int.random(in: 1...8, using: &random))
            let results = await sequencer.submitTogether(Array(commands[burst])) { index, result in
                deliveries.append(.reply(burst.lowerBound + index, result))
            }
            let replied = Set(self.deliveries.value.compactMap { if case .reply(let index, _) = $0 { index } else { nil } })
            for (index, result) in zip(burst, results) {
                if replied.contains(index) {
                    accepted.append(index)
                } else if case .failure(let error) = result {
                    refused.append((index, error))
                }
            }
            position = burst.upperBound
            if results.contains(where: { if case .failure = $0 { true } else { false } }) { break }
        }
        return sequencer
    }

    /// Waits until `onFailure` has run; false if it never does.
    func awaitFailureHook() async -> Bool {
        // Up to 20 s: a loaded CI machine can be slow to run the committer's thread.
        for _ in 0..<4_000 {
            if deliveries.value.contains(where: { if case .failureHook = $0 { true } else { false } }) { return true }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return false
    }

    /// Whether the scripted fault was one that must stop the journal, and it happened.
    var journalMustHaveFailed: Bool {
        disk.firedFaults.contains { if case .shortWrite = $0 { false } else { true } }
    }
}
