import Prometheus
import SolventCore
import SolventJournal

/// What `/metrics` shows, in Prometheus' text format: requests by endpoint and status with
/// latency histograms, orders and trades, and the sequencer's batches, commit latency and
/// journal bytes.
final class APIMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let batchSizes: ValueHistogram
    private let commitLatency: DurationHistogram
    private let journalBytes: Counter
    private let orders: Counter
    private let trades: Counter

    init() {
        batchSizes = registry.makeValueHistogram(name: "solvent_sequencer_batch_commands",
                                                 buckets: [1, 4, 16, 64, 256, 1_024, 2_048, 4_096],
                                                 help: "Commands per group commit")
        commitLatency = registry.makeDurationHistogram(
            name: "solvent_journal_commit_seconds",
            buckets: [.microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(20),
                      .milliseconds(100), .seconds(1)],
            help: "Write + fdatasync of one group commit")
        journalBytes = registry.makeCounter(name: "solvent_journal_bytes_total", help: "Journal bytes made durable")
        orders = registry.makeCounter(name: "solvent_orders_total", help: "Orders accepted")
        trades = registry.makeCounter(name: "solvent_trades_total", help: "Trades executed")
    }

    func record(endpoint: String, method: String, status: Int, since started: ContinuousClock.Instant) {
        registry.makeCounter(name: "solvent_http_requests_total",
                             labels: [("endpoint", endpoint), ("method", method), ("status", String(status))],
                             help: "HTTP requests").increment()
        registry.makeDurationHistogram(
            name: "solvent_http_request_seconds", labels: [("endpoint", endpoint)],
            buckets: [.microseconds(250), .milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100),
                      .seconds(1)],
            help: "Request latency").record(ContinuousClock.now - started)
    }

    func record(_ sync: SyncMeasurement) {
        batchSizes.record(Double(sync.commands))
        commitLatency.record(.nanoseconds(Int64(sync.nanoseconds)))
        journalBytes.increment(by: Int64(sync.bytes))
    }

    func record(_ batch: CommittedBatch) {
        var accepted: Int64 = 0, executed: Int64 = 0
        for event in batch.events {
            switch event {
            case .order(let report) where report.execution == .new: accepted += 1
            case .trade: executed += 1
            default: break
            }
        }
        if accepted > 0 { orders.increment(by: accepted) }
        if executed > 0 { trades.increment(by: executed) }
    }

    func text() -> [UInt8] {
        registry.emitToBuffer()
    }
}
