import Foundation
import SolventCommandLine

/// Throughput and submit-to-durable latency of one way of committing.
struct CommitFigures: Codable, Sendable {
    var commands: Int
    var maxBatch: Int
    var acknowledgedPerSecond: Double
    var latency: LatencySummary
    /// Each group commit's write + fdatasync.
    var commitLatency: LatencySummary
    var medianBatch: Int
    var largestBatch: Int
    var journalBytesPerCommand: Double

    init(commands: Int, maxBatch: Int, timeline: CommitTimeline, journalBytes: UInt64) {
        let measured = timeline.latencies()
        self.commands = commands
        self.maxBatch = maxBatch
        acknowledgedPerSecond = Double(commands) / (Double(measured.elapsed) / 1e9)
        latency = LatencySummary(LatencyHistogram(measured.nanoseconds), clockReading: MonotonicClock.readingCostNanoseconds())
        commitLatency = LatencySummary(LatencyHistogram(timeline.syncDurations), clockReading: 0)
        let batches = measured.batchSizes.sorted()
        medianBatch = batches[batches.count / 2]
        largestBatch = batches.last ?? 0
        journalBytesPerCommand = Double(journalBytes) / Double(timeline.firstSequence - 1 + UInt64(commands))
    }

    func lines(_ title: String) -> [String] {
        [
            "\(title): \(Int(acknowledgedPerSecond).grouped) acknowledged commands/s over \(commands.grouped) commands",
            "  commit (write + fdatasync of a group): p50 \(milliseconds(commitLatency.p50)), "
                + "p99 \(milliseconds(commitLatency.p99)), max \(milliseconds(commitLatency.max))",
            "  submit → acknowledged, queueing included: p50 \(milliseconds(latency.p50)), p99 \(milliseconds(latency.p99)), "
                + "p99.9 \(milliseconds(latency.p999)), max \(milliseconds(latency.max))",
            "  group commits: median \(medianBatch.grouped) commands, largest \(largestBatch.grouped) (limit \(maxBatch.grouped)); "
                + String(format: "%.1f journal bytes per command", journalBytesPerCommand),
        ]
    }
}

/// Everything `solvent-bench engine --durable` measured.
struct DurableBenchResult: Codable, Sendable, JSONReport {
    var build: String
    var directory: String
    var fdatasync: LatencySummary?
    var groupCommitRuns: [CommitFigures]
    var groupCommitMedianPerSecond: Double
    var oneSyncPerCommand: CommitFigures?
    var replayedRecords: Int
    var replayPerSecond: Double
    /// The engine alone on the same stream, in memory: replay's ceiling.
    var applyOnlyPerSecond: Double
    var replayMatchesLive: Bool

    func text() -> String {
        var lines = ["solvent-bench engine --durable — exchange-core single-symbol workload through the sequencer, \(build) build",
                     "data directory: \(directory)"]
        if let fdatasync {
            lines.append("disk: fdatasync after a 4 KiB append: p50 \(milliseconds(fdatasync.p50)), "
                         + "p99 \(milliseconds(fdatasync.p99)), max \(milliseconds(fdatasync.max))")
        }
        for (index, run) in groupCommitRuns.enumerated() { lines += run.lines("group commit, run \(index + 1)") }
        lines.append("group commit median: \(Int(groupCommitMedianPerSecond).grouped) acknowledged commands/s")
        if let baseline = oneSyncPerCommand {
            lines += baseline.lines("baseline, one fdatasync per command")
            lines.append(String(format: "group commit / baseline: %.0f×", groupCommitMedianPerSecond / baseline.acknowledgedPerSecond))
        }
        lines.append(String(format: "replay (journal only, no snapshot): %@ records at %.2f M commands/s; ",
                            replayedRecords.grouped, replayPerSecond / 1e6)
                     + "state hash equals the live engine's: \(replayMatchesLive ? "yes" : "NO")")
        lines.append(String(format: "  the engine alone applies this stream at %.2f M commands/s (replay's ceiling: "
                            + "reading and decoding run on a second thread beside it)", applyOnlyPerSecond / 1e6))
        return lines.joined(separator: "\n")
    }
}

func milliseconds(_ nanoseconds: UInt32) -> String {
    String(format: "%.2f ms", Double(nanoseconds) / 1e6)
}
