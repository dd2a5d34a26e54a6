import Prometheus
import SolventCore
import SolventJournal
import Synchronization

/// What `/metrics` shows, in Prometheus' text format: requests by endpoint and status with
/// latency histograms, orders and trades, and the sequencer's batches, commit latency and
/// journal bytes.
package final class APIMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let batchSizes: ValueHistogram
    private let commitLatency: DurationHistogram
    private let journalBytes: Counter
    private let orders: Counter
    private let trades: Counter
    /// Each (endpoint, method, status)'s counter and each endpoint's histogram, made once: asking
    /// the registry for them builds the label set and takes its lock on every request.
    private let requestSeries = Mutex<[RequestKey: (count: Counter, latency: DurationHistogram)]>([:])

    private struct RequestKey: Hashable {
        var endpoint: String
        var method: String
        var status: Int
    }

    package init() {
        batchSizes = registry.makeValueHistogram(descriptor: Self.name("solvent_sequencer_batch", "commands",
                                                                       "Commands per group commit"),
                                                 buckets: [1, 4, 16, 64, 256, 1_024, 2_048, 4_096])
        commitLatency = registry.makeDurationHistogram(
            descriptor: Self.name("solvent_journal_commit", "seconds", "Write + fdatasync of one group commit"),
            buckets: [.microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(20),
                      .milliseconds(100), .seconds(1)])
        journalBytes = registry.makeCounter(descriptor: Self.name("solvent_journal", "bytes_total", "Journal bytes made durable"))
        orders = registry.makeCounter(descriptor: Self.name("solvent_orders", "total", "Orders accepted"))
        trades = registry.makeCounter(descriptor: Self.name("solvent_trades", "total", "Trades executed"))
    }

    func record(endpoint: String, method: String, status: Int, since started: ContinuousClock.Instant) {
        let key = RequestKey(endpoint: endpoint, method: method, status: status)
        let series = requestSeries.withLock { known in
            if let series = known[key] { return series }
            let series = makeSeries(key)
            known[key] = series
            return series
        }
        series.count.increment()
        series.latency.record(ContinuousClock.now - started)
    }

    private func makeSeries(_ key: RequestKey) -> (count: Counter, latency: DurationHistogram) {
        let count = registry.makeCounter(descriptor: Self.name("solvent_http_requests", "total", "HTTP requests"),
                                         labels: [("endpoint", key.endpoint), ("method", key.method),
                                                  ("status", String(key.status))])
        let latency = registry.makeDurationHistogram(
            descriptor: Self.name("solvent_http_request", "seconds", "Request latency"), labels: [("endpoint", key.endpoint)],
            buckets: [.microseconds(250), .milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100),
                      .seconds(1)])
        return (count, latency)
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

    /// `metric` + `_` + `unit` is the exported name (e.g. solvent_journal_commit_seconds).
    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric, unitName: unit, helpText: help)
    }

    func text() -> [UInt8] {
        registry.emitToBuffer()
    }
}
