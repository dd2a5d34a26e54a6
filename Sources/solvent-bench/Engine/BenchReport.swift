import Foundation
import SolventCommandLine
import SolventCore

/// Minimum, median and maximum of one measure over the runs.
struct Spread: Codable, Sendable {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        precondition(!values.isEmpty, "a spread needs values")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }
}

/// Per-command latency percentiles, in nanoseconds.
struct LatencySummary: Codable, Sendable {
    var p50: UInt32, p90: UInt32, p99: UInt32, p999: UInt32, p9999: UInt32
    var max: UInt32
    var mean: Double
    /// Median cost of one clock reading; every sample includes one.
    var clockReadingNanoseconds: UInt64

    init(_ histogram: LatencyHistogram, clockReading: UInt64) {
        p50 = histogram.percentile(0.5); p90 = histogram.percentile(0.9); p99 = histogram.percentile(0.99)
        p999 = histogram.percentile(0.999); p9999 = histogram.percentile(0.9999)
        max = histogram.maximum
        mean = histogram.mean
        clockReadingNanoseconds = clockReading
    }
}

/// Everything `solvent-bench engine` measured, as printed or as `--json`.
struct BenchResult: Codable, Sendable, JSONReport {
    var shape: WorkloadShape
    var runs: Int
    var build: String
    var runNanoseconds: [UInt64]
    var opsPerSecond: Spread
    var nanosecondsPerOp: Spread
    var latency: LatencySummary?
    /// ns/op of one run of the same stream on `ReferenceExchange`, in the same process.
    var baselineNanosecondsPerOp: Double?
    /// Walking the command stream alone (no engine), per command: part of every timed figure.
    var streamWalkNanosecondsPerCommand: Double
    var workload: WorkloadStats
    /// Every timed run ended with exactly the books the generation pass ended with.
    var replayMatches: Bool

    func text() -> String {
        var lines: [String] = []
        let stats = workload
        let variant = shape.variant == .single
            ? "single symbol (exchange-core's single-symbol throughput workload)"
            : "\(shape.symbols.grouped) symbols, Pareto-distributed activity"
        lines.append("solvent-bench engine — \(variant), \(build) build")
        lines.append("workload: \(shape.accounts.grouped) accounts, \(shape.symbols.grouped) symbol(s), "
                     + "\(stats.prefillOrders.grouped) prefilled GTC orders (\(shape.restingPerSymbol.grouped) per symbol), "
                     + "\(shape.commands.grouped) timed commands, seed \(shape.seed)")
        if shape.variant == .single {
            lines.append("  start price \(stats.startTicks.grouped) ticks, deviation \(stats.deviationTicks.grouped) ticks "
                         + "(band ±\((5 * stats.deviationTicks).grouped))")
        } else {
            lines.append("  busiest symbol takes \(percent(stats.busiestSymbolShare)) of the commands; "
                         + "\(stats.idleSymbols.grouped) symbols get none")
        }
        let total = Double(max(shape.commands, 1))
        let mix = CommandKind.allCases.map { kind in
            "\(kind.label) \(percent(Double(stats.mix[kind.label] ?? 0) / total))"
        }
        lines.append("  mix: " + mix.joined(separator: "  "))
        lines.append("  generated in \(String(format: "%.1f", stats.generationSeconds)) s (untimed)")
        lines.append("throughput (\(runs) run(s), each on a fresh prefilled exchange; only apply() is timed):")
        lines.append("  median \(mops(opsPerSecond.median)) (\(ns(nanosecondsPerOp.median))/op)   "
                     + "best \(mops(opsPerSecond.max)) (\(ns(nanosecondsPerOp.min))/op)   "
                     + "worst \(mops(opsPerSecond.min)) (\(ns(nanosecondsPerOp.max))/op)")
        if let baseline = baselineNanosecondsPerOp {
            lines.append("  baseline: the same engine on ReferenceBook \(ns(baseline))/op; FastBook is "
                         + String(format: "%.1f", baseline / nanosecondsPerOp.median) + "× faster (median vs baseline)")
        }
        lines.append("  (walking the \(MemoryLayout<Command>.stride)-byte commands alone costs "
                     + "\(ns(streamWalkNanosecondsPerCommand))/command of that)")
        if let latency {
            lines.append("latency per command (separate pass; each sample includes one clock read ≈ "
                         + "\(latency.clockReadingNanoseconds) ns):")
            lines.append("  p50 \(ns(latency.p50))  p90 \(ns(latency.p90))  p99 \(ns(latency.p99))  "
                         + "p99.9 \(ns(latency.p999))  p99.99 \(ns(latency.p9999))  max \(ns(latency.max))  "
                         + "mean \(ns(latency.mean))")
        }
        lines.append("what happened:")
        lines.append("  fills \(stats.fills.grouped) (\(percent(Double(stats.fills) / total)) of the command count); "
                     + "\(percent(stats.tradeFraction)) of commands traded")
        lines.append("  resting at the end: \(stats.restingOrders.grouped) orders on "
                     + "\((stats.bidLevels + stats.askLevels).grouped) price levels "
                     + "(\(stats.bidLevels.grouped) bid, \(stats.askLevels.grouped) ask)")
        if stats.rejections.isEmpty {
            lines.append("  rejections: none")
        } else {
            lines.append("  rejections: \(stats.rejectionCount.grouped) — a rejection-heavy run is a broken workload")
            for (reason, count) in stats.rejections.sorted(by: { $0.value > $1.value }) {
                lines.append("    \(count.grouped)  \(reason)")
            }
            for example in stats.rejectionExamples { lines.append("    e.g. \(example)") }
        }
        lines.append(replayMatches
                     ? "  replay: every timed run ended with the generation pass's books"
                     : "  replay: MISMATCH — a timed run ended with different books than the generation pass")
        return lines.joined(separator: "\n")
    }

    private func percent(_ fraction: Double) -> String {
        fraction >= 0.01 || fraction == 0
            ? String(format: "%.1f %%", fraction * 100) : String(format: "%.2f %%", fraction * 100)
    }

    private func mops(_ opsPerSecond: Double) -> String {
        String(format: "%.2f M ops/s", opsPerSecond / 1e6)
    }

    private func ns<T: BinaryInteger>(_ value: T) -> String { ns(Double(value)) }

    private func ns(_ value: Double) -> String {
        value >= 10_000 ? String(format: "%.1f µs", value / 1_000) : String(format: value < 100 ? "%.1f ns" : "%.0f ns", value)
    }
}
