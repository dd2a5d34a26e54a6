import ArgumentParser
import Foundation
import SolventCommandLine
import SolventCore

/// `solvent-bench engine`: the engine's headline throughput and latency, on exchange-core's workload.
struct EngineBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Measure the matching engine on exchange-core's benchmark workload.",
        discussion: """
            Generates the command stream first (untimed), then replays it on fresh, prefilled \
            exchanges, timing only Exchange.apply. Reports ops/s and ns/op (median of the runs), \
            per-command latency percentiles from a separate pass, and what the stream did \
            (fills, resting orders, price levels, rejections). Build with -c release.
            """)

    @Option(help: """
        single: 1 symbol, 1,000 accounts, 1,000 resting orders (the headline figure). \
        multi: 1,000 symbols with Pareto activity, 100,000 accounts, 100 resting per symbol.
        """)
    var variant: BenchVariant = .single

    @Option(help: "Timed commands.")
    var commands: Int = 3_000_000

    @Option(help: "Seed of the workload generator; the same seed gives the same stream.")
    var seed: UInt64 = 1

    @Option(help: "Timed runs; the median is reported.")
    var runs: Int = 5

    @Option(help: "Number of symbols (multi only; default 1,000).")
    var symbols: Int?

    @Flag(help: "Skip the per-command latency pass.")
    var skipLatency = false

    @Flag(help: "Skip the baseline pass (the same stream on the engine over ReferenceBook).")
    var skipBaseline = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Flag(help: """
        Measure the durable path instead: commands through the sequencer, journaled and \
        fdatasynced before they are acknowledged, with group commit and with one sync per \
        command as the baseline; then the replay rate.
        """)
    var durable = false

    @Option(help: "Most commands per group commit (--durable).")
    var maxBatch = 2_048

    @Option(help: "Commands in the one-sync-per-command baseline (--durable).")
    var baselineCommands = 1_000

    @Option(help: "Directory for the durable runs' journals (--durable; default: the temporary directory).")
    var data: String?

    func validate() throws {
        guard commands > 0 && commands <= 100_000_000 else { throw ValidationError("--commands must be 1...100,000,000") }
        guard runs > 0 && runs <= 100 else { throw ValidationError("--runs must be 1...100") }
        if let symbols {
            guard variant == .multi else { throw ValidationError("--symbols applies to --variant multi only") }
            guard symbols >= 1 && symbols <= 10_000 else { throw ValidationError("--symbols must be 1...10,000") }
        }
    }

    func run() throws {
        if durable { return try runDurable() }
        var shape = variant == .single ? WorkloadShape.single(commands: commands, seed: seed)
                                       : WorkloadShape.multi(commands: commands, seed: seed)
        if let symbols { shape.symbols = symbols }
        let workload = WorkloadGenerator.generate(shape) { note($0) }
        note("generated in \(String(format: "%.1f", workload.stats.generationSeconds)) s; "
             + "\(workload.stats.fills) fills, \(workload.stats.rejectionCount) rejections")

        let runner = BenchRunner(workload: workload)
        var elapsed: [UInt64] = []
        var replayMatches = true
        for run in 1...runs {
            let result = runner.timedRun()
            elapsed.append(result.nanoseconds)
            replayMatches = replayMatches && result.replayMatches
            note(String(format: "run %d: %.1f ns/op", run, Double(result.nanoseconds) / Double(commands)))
        }
        var baseline: Double? = nil
        if !skipBaseline {
            baseline = Double(runner.baselineRun()) / Double(commands)
            note(String(format: "baseline (same engine on ReferenceBook): %.1f ns/op", baseline ?? 0))
        }
        let walk = runner.streamWalkNanoseconds()
        var latency: LatencySummary? = nil
        if !skipLatency {
            let histogram = LatencyHistogram(runner.latencyRun())
            latency = LatencySummary(histogram, clockReading: MonotonicClock.readingCostNanoseconds())
        }
        let result = BenchResult(
            shape: shape, runs: runs, build: Self.buildKind, runNanoseconds: elapsed,
            opsPerSecond: Spread(elapsed.map { Double(commands) / (Double($0) / 1e9) }),
            nanosecondsPerOp: Spread(elapsed.map { Double($0) / Double(commands) }),
            latency: latency, baselineNanosecondsPerOp: baseline,
            streamWalkNanosecondsPerCommand: Double(walk) / Double(commands),
            workload: workload.stats, replayMatches: replayMatches)
        print(json ? result.json() : result.text())
        if !replayMatches { throw ExitCode(2) }
    }

    private func runDurable() throws {
        let workload = WorkloadGenerator.generate(WorkloadShape.single(commands: commands, seed: seed)) { note($0) }
        let directory = data ?? NSTemporaryDirectory()
        let runner = try DurableBenchRunner(workload: workload, directory: directory, queueCapacity: maxBatch)
        defer { runner.removeFiles() }
        let probe = DiskProbe.fdatasyncNanoseconds(in: directory)
        var runsFigures: [CommitFigures] = []
        var liveHash: SHA256Digest?
        for run in 1...runs {
            let result = try runner.run(commands: commands, maxBatch: maxBatch)
            let figures = CommitFigures(commands: commands, maxBatch: maxBatch, timeline: result.timeline,
                                        journalBytes: result.bytes)
            note("group commit run \(run): \(Int(figures.acknowledgedPerSecond).grouped) acknowledged/s")
            runsFigures.append(figures)
            liveHash = result.hash
        }
        let replay = try runner.replay()
        let applyOnly = BenchRunner(workload: workload).timedRun().nanoseconds
        var baseline: CommitFigures?
        if !skipBaseline {
            let count = min(baselineCommands, commands)
            let result = try runner.run(commands: count, maxBatch: 1)
            baseline = CommitFigures(commands: count, maxBatch: 1, timeline: result.timeline, journalBytes: result.bytes)
        }
        let result = DurableBenchResult(
            build: Self.buildKind, directory: runner.runDirectory, fdatasync: probe.map { LatencySummary($0, clockReading: 0) },
            groupCommitRuns: runsFigures,
            groupCommitMedianPerSecond: Spread(runsFigures.map(\.acknowledgedPerSecond)).median,
            oneSyncPerCommand: baseline, replayedRecords: replay.records,
            replayPerSecond: Double(replay.records) / (Double(replay.nanoseconds) / 1e9),
            applyOnlyPerSecond: Double(commands) / (Double(applyOnly) / 1e9),
            replayMatchesLive: replay.hash == liveHash)
        print(json ? result.json() : result.text())
        if !result.replayMatchesLive { throw ExitCode(2) }
    }

    private static var buildKind: String {
        #if DEBUG
        "debug (numbers meaningless: build with -c release)"
        #else
        "release"
        #endif
    }

    /// Progress goes to standard error, so `--json` output stays clean.
    private func note(_ message: String) {
        FileHandle.standardError.write(Data(("bench: " + message + "\n").utf8))
    }
}

extension BenchVariant: ExpressibleByArgument {}
