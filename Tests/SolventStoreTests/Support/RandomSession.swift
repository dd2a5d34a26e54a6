import SolventCore
import SolventStore
import SolventTestSupport

/// A random command stream (see `CommandGenerator`) applied to a real exchange once, cut into
/// batches of random size at increasing times: mostly milliseconds to minutes apart, now and
/// then days, so bars of every interval up to months fill up and gaps appear.
struct RandomSession {
    /// Each command's events, and the time and sequence the sequencer gave it.
    var commandEvents: [ArraySlice<Event>] = []
    var times: [Timestamp] = []
    /// Where each batch starts in `commandEvents`, plus the end.
    var batchStarts: [Int] = [0]
    var exchange = Exchange()
    var events: [Event] = []

    init(seed: UInt64, commands: Int) {
        var generator = CommandGenerator(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0x5eed)
        var time = Fixtures.newYear2024 - Fixtures.day
        var commandsLeft = TestMarkets.setupCommands + generator.fundingCommands
        var generated = 0
        while generated < commands || !commandsLeft.isEmpty {
            let batchSize = Int.random(in: 1...12, using: &rng)
            for _ in 0..<batchSize {
                let command: Command
                if !commandsLeft.isEmpty { command = commandsLeft.removeFirst() } else {
                    command = generator.next()
                    generated += 1
                }
                let produced = exchange.apply(command, at: time)
                precondition(exchange.invariantViolations().isEmpty, "invariants broken after \(command)")
                generator.observe(produced)
                commandEvents.append(produced[...])
                times.append(time)
                events += produced
                if generated >= commands && commandsLeft.isEmpty { break }
            }
            batchStarts.append(commandEvents.count)
            time += Self.pause(&rng)
        }
    }

    private static func pause(_ rng: inout SplitMix64) -> Int64 {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<40: Int64.random(in: 0...999, using: &rng)
        case 40..<80: Int64.random(in: 1_000...120_000, using: &rng)
        case 80..<97: Int64.random(in: 120_000...(6 * Fixtures.hour), using: &rng)
        default: Int64.random(in: Fixtures.day...(12 * Fixtures.day), using: &rng)
        }
    }

    var batchCount: Int { batchStarts.count - 1 }
    var lastTime: Timestamp { times.last ?? 0 }
    var trades: [Trade] { events.trades }

    /// Batch `index` as the sequencer would have committed it.
    func batch(_ index: Int) -> HistoryBatch {
        let range = batchStarts[index]..<batchStarts[index + 1]
        return HistoryBatch(firstSequence: UInt64(range.lowerBound) + 1, time: times[range.lowerBound],
                            commandEvents: Array(commandEvents[range]))
    }

    /// Commands `range` (0-based) as one batch, whatever batches they came in; `time` is only a label.
    func batch(commands range: Range<Int>) -> HistoryBatch {
        HistoryBatch(firstSequence: UInt64(range.lowerBound) + 1, time: times[range.upperBound - 1],
                     commandEvents: Array(commandEvents[range]))
    }

    func recordAll(into store: any HistoryStore) throws {
        for index in 0..<batchCount { try store.record(batch(index)) }
    }

    /// Accounts the generator trades with.
    static let accounts: [AccountId] = Array(1...6)
}
