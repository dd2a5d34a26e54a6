import Foundation
import SolventCommandLine

/// The lines `bench-history` prints for one workload: medians over the runs.
struct HistoryBenchReport {
    let kind: HistoryWorkload.Kind
    let workload: HistoryWorkload
    let store: [HistoryBenchRun.Result]
    let floor: [HistoryBenchRun.Result]

    var text: String {
        let orders = Double(workload.orders)
        let storeCPU = store.map { Double($0.cpuNanoseconds) / 1_000 / orders }
        let floorCPU = floor.map { Double($0.cpuNanoseconds) / 1_000 / orders }
        let ratios = zip(storeCPU, floorCPU).map { $0 / $1 }
        let storeWall = Self.median(store.map { Double($0.wallNanoseconds) })
        return [
            "\(kind.rawValue): \(workload.orders.grouped) orders, \(workload.trades.grouped) trades, "
                + "\(workload.records.count) record calls",
            String(format: "  store:    median %.2f µs CPU per order (runs: %@), %@ orders/s of CPU, %@ orders/s of wall time",
                   Self.median(storeCPU), Self.list(storeCPU), Int(1e6 / Self.median(storeCPU)).grouped,
                   Int(orders * 1e9 / storeWall).grouped),
            String(format: "  baseline (orders only, no index): median %.2f µs CPU per order (runs: %@)",
                   Self.median(floorCPU), Self.list(floorCPU)),
            String(format: "  store / baseline: %.2f× (median of per-run ratios; range %.2f–%.2f)",
                   Self.median(ratios), ratios.min() ?? 0, ratios.max() ?? 0),
        ].joined(separator: "\n")
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private static func list(_ values: [Double]) -> String {
        values.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    }
}
