/// Per-command latencies, sorted once so any percentile is a single index. Exact (no HDR
/// bucketing): 3 M samples sort in a fraction of a second.
struct LatencyHistogram: Sendable {
    static let reported: [(label: String, fraction: Double)] = [
        ("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("p99.9", 0.999), ("p99.99", 0.9999),
    ]

    private let sorted: [UInt32]

    init(_ samplesNanoseconds: [UInt32]) {
        precondition(!samplesNanoseconds.isEmpty, "a latency histogram needs samples")
        sorted = samplesNanoseconds.sorted()
    }

    var count: Int { sorted.count }
    var minimum: UInt32 { sorted[0] }
    var maximum: UInt32 { sorted[sorted.count - 1] }

    var mean: Double {
        Double(sorted.reduce(UInt64(0)) { $0 + UInt64($1) }) / Double(sorted.count)
    }

    /// The smallest sample at or above `fraction` of all samples (nearest-rank percentile).
    func percentile(_ fraction: Double) -> UInt32 {
        precondition(fraction > 0 && fraction <= 1, "a percentile is a fraction in (0, 1]")
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
