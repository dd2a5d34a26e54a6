/// Per-proof measurements of one size.
struct ProofTimings {
    private(set) var proofBytes: [Int] = []
    private(set) var proveNs: [UInt64] = []
    private(set) var verifyNs: [UInt64] = []
    private(set) var inclusionNs: [UInt64] = []

    mutating func record(proofBytes bytes: Int, proveNs prove: UInt64, verifyNs verify: UInt64, inclusionNs inclusion: UInt64) {
        proofBytes.append(bytes)
        proveNs.append(prove)
        verifyNs.append(verify)
        inclusionNs.append(inclusion)
    }
}

/// What `bench-proof` reports for one size.
struct ProofBenchResult {
    let size: ProofBenchSize
    let height: Int
    let threads: Int
    let buildSeconds: [Double]
    /// CPU time (all threads) of each build: less sensitive than wall time to other processes.
    let buildCPUSeconds: [Double]
    let baselineSeconds: Double
    let peakBytes: Int?
    let snapshotBytes: Int?
    let proofs: ProofTimings

    var text: String {
        let build = median(buildSeconds)
        let runs = buildSeconds.map { format($0, 2) }.joined(separator: ", ")
        return """
            \(size) (height \(height), \(threads) thread(s)):
              build           median \(format(build, 2)) s wall (runs: \(runs)), \(format(median(buildCPUSeconds), 2)) s CPU
              hash floor      \(format(baselineSeconds, 2)) s single-thread SHA-256 only; build / floor = \(format(build / baselineSeconds, 2))
              peak memory     \(megabytes(peakBytes)) MB VmHWM (snapshot alone: \(megabytes(snapshotBytes)) MB RSS)
              proof size      \(median(proofs.proofBytes.map(Double.init)).rounded()) bytes (median)
              prove           median \(micros(proofs.proveNs)) µs per proof (path + JSON)
              verify          median \(micros(proofs.verifyNs)) µs per proof (parse + Ed25519 + leaf + path), p99 \(micros(proofs.verifyNs, quantile: 0.99)) µs
              verify, no sig  median \(micros(proofs.inclusionNs)) µs per proof (parse + leaf + path, header already checked)
            """
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private func micros(_ values: [UInt64], quantile: Double = 0.5) -> String {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return "-" }
        return format(Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]) / 1_000, 1)
    }

    private func megabytes(_ bytes: Int?) -> String {
        bytes.map { String($0 / 1_000_000) } ?? "n/a"
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return "\(rounded)"
    }
}
