import Benchmark
import SolventCore

// Micro benchmarks of the engine, each over 1,000 commands (scaled: figures are per command).
// The target is zero allocations per command once the engine is warm; mallocs are counted only
// inside the measured region (between startMeasurement and stopMeasurement).
//
// The workload code in ./Workload is a link to ../../../Sources/solvent/Bench, the generator
// `solvent bench` uses, so both measure the same stream.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 2_000,
        // For `swift package benchmark thresholds check` against the committed Thresholds/: time
        // may drift 25 % on this shared 2-core machine; an extra allocation may not appear at all.
        thresholds: [
            .wallClock: BenchmarkThresholds(relative: [.p90: 25]),
            .throughput: BenchmarkThresholds(relative: [.p90: 25]),
            .mallocCountTotal: BenchmarkThresholds(absolute: [.p90: 0]),
        ])

    let batch = BenchmarkScalingFactor.kilo.rawValue

    Benchmark("insert GTC (no match)") { benchmark in
        var exchange = EngineFixture.shared.take()
        let orders = EngineFixture.passiveOrders(batch)
        var events: [Event] = []
        events.reserveCapacity(256)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            exchange.apply(orders[index], at: EngineFixture.time, into: &events)
            events.removeAll(keepingCapacity: true)
        }
        benchmark.stopMeasurement()
        EngineFixture.shared.cancelAll(&exchange)
        EngineFixture.shared.give(exchange)
    }

    Benchmark("cancel") { benchmark in
        var exchange = EngineFixture.shared.take()
        let cancels = EngineFixture.shared.rest(EngineFixture.passiveOrders(batch), on: &exchange)
        var events: [Event] = []
        events.reserveCapacity(256)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            exchange.apply(cancels[index], at: EngineFixture.time, into: &events)
            events.removeAll(keepingCapacity: true)
        }
        benchmark.stopMeasurement()
        EngineFixture.shared.give(exchange)
    }

    Benchmark("match (IOC against resting)") { benchmark in
        var exchange = EngineFixture.shared.take()
        // 1,000 one-lot asks over 100 levels; each one-lot IOC buy takes the best of them.
        _ = EngineFixture.shared.rest(EngineFixture.asks(batch), on: &exchange)
        let takers = EngineFixture.iocBuys(batch)
        var events: [Event] = []
        events.reserveCapacity(256)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            exchange.apply(takers[index], at: EngineFixture.time, into: &events)
            events.removeAll(keepingCapacity: true)
        }
        benchmark.stopMeasurement()
        EngineFixture.shared.cancelAll(&exchange)
        EngineFixture.shared.give(exchange)
    }

    Benchmark("single-symbol mix (100k commands)") { benchmark in
        // The 100,000-command stream of `solvent bench`, replayed 1,000 commands per iteration on
        // one exchange, which is rebuilt (untimed) when the stream runs out.
        var replay = MixReplay.shared.take(batch)
        var events: [Event] = []
        events.reserveCapacity(256)
        let commands = MixReplay.shared.workload.commands
        let start = replay.cursor
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            replay.exchange.apply(commands[start + index], at: EngineFixture.time + Int64(start + index),
                                  into: &events)
            events.removeAll(keepingCapacity: true)
        }
        benchmark.stopMeasurement()
        replay.cursor += batch
        MixReplay.shared.give(replay)
    }
}
