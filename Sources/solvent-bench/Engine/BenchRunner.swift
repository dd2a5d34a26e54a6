import SolventCommandLine
import SolventCore

/// Replays a generated workload on fresh engines: timed whole-stream runs, and one pass that
/// times every command on its own for the latency distribution.
struct BenchRunner {
    let workload: Workload

    /// A fresh exchange with the listings, accounts, deposits and prefill applied (untimed).
    func preparedExchange() -> Exchange {
        var exchange = Exchange()
        var events: [Event] = []
        events.reserveCapacity(256)
        workload.setup.withUnsafeBufferPointer { setup in
            for index in setup.indices {
                exchange.apply(setup[index], at: BenchMarket.startTime + Int64(index), into: &events)
                events.removeAll(keepingCapacity: true)
            }
        }
        return exchange
    }

    /// The same setup and stream on `ReferenceExchange` (the engine over the plain reference book),
    /// timed the same way: the baseline every run's figure is compared with.
    func baselineRun() -> UInt64 {
        var exchange = ReferenceExchange()
        var events: [Event] = []
        events.reserveCapacity(1_024)
        for (index, command) in workload.setup.enumerated() {
            exchange.apply(command, at: BenchMarket.startTime + Int64(index), into: &events)
            events.removeAll(keepingCapacity: true)
        }
        let startTime = streamStartTime
        return workload.commands.withUnsafeBufferPointer { commands -> UInt64 in
            let started = MonotonicClock.nanoseconds()
            for index in commands.indices {
                exchange.apply(commands[index], at: startTime &+ Int64(index), into: &events)
                events.removeAll(keepingCapacity: true)
            }
            return MonotonicClock.nanoseconds() &- started
        }
    }

    /// Time of the stream's first command: right after the setup's.
    private var streamStartTime: Timestamp { BenchMarket.startTime + Int64(workload.setup.count) }

    /// Applies the whole stream once, timing only the loop of `apply` calls. Returns the elapsed
    /// nanoseconds and whether the final books match the generation pass exactly.
    func timedRun() -> (nanoseconds: UInt64, replayMatches: Bool) {
        var exchange = preparedExchange()
        var events: [Event] = []
        events.reserveCapacity(1_024)
        let startTime = streamStartTime
        let elapsed = workload.commands.withUnsafeBufferPointer { commands -> UInt64 in
            let started = MonotonicClock.nanoseconds()
            for index in commands.indices {
                exchange.apply(commands[index], at: startTime &+ Int64(index), into: &events)
                events.removeAll(keepingCapacity: true)
            }
            return MonotonicClock.nanoseconds() &- started
        }
        let summary = BookSummary(exchange, markets: workload.shape.symbols)
        return (elapsed, summary.digest == workload.stats.finalBookDigest)
    }

    /// Walks the stream without applying it, reading the fields an engine reads first: the floor
    /// that memory traffic alone puts under the timed figures (each `Command` is \(MemoryLayout<Command>.stride) bytes).
    func streamWalkNanoseconds() -> UInt64 {
        var checksum: Int64 = 0
        let elapsed = workload.commands.withUnsafeBufferPointer { commands -> UInt64 in
            let started = MonotonicClock.nanoseconds()
            for index in commands.indices { checksum &+= Self.touch(commands[index]) }
            return MonotonicClock.nanoseconds() &- started
        }
        precondition(checksum != 42, "keeps the walk from being optimised away")
        return elapsed
    }

    @inline(never)
    private static func touch(_ command: Command) -> Int64 {
        switch command {
        case .placeOrder(let order): (order.price ?? 0) &+ (order.quantity ?? 0) &+ Int64(order.account)
        case .cancelOrder(let cancel): cancel.order.orderId ?? 0
        case .cancelReplace(let replace): (replace.cancel.order.orderId ?? 0) &+ (replace.replacement.price ?? 0)
        case .amendOrder(let amend): (amend.order.orderId ?? 0) &+ amend.newQuantity
        default: 1
        }
    }

    /// Applies the stream once more, reading the clock between commands: each sample is one
    /// command's `apply`, the events buffer reset and one clock reading.
    func latencyRun() -> [UInt32] {
        var exchange = preparedExchange()
        var events: [Event] = []
        events.reserveCapacity(1_024)
        let startTime = streamStartTime
        var samples = [UInt32](repeating: 0, count: workload.commands.count)
        workload.commands.withUnsafeBufferPointer { commands in
            samples.withUnsafeMutableBufferPointer { samples in
                var previous = MonotonicClock.nanoseconds()
                for index in commands.indices {
                    exchange.apply(commands[index], at: startTime &+ Int64(index), into: &events)
                    events.removeAll(keepingCapacity: true)
                    let now = MonotonicClock.nanoseconds()
                    samples[index] = UInt32(clamping: now &- previous)
                    previous = now
                }
            }
        }
        return samples
    }
}
