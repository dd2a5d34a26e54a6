import ArgumentParser
import Foundation
import SolventCommandLine

/// `solvent-bench history`: the CPU the history store's `record` costs per order, against the
/// bare cost of writing the same orders into a table with no indexes, in the same run.
struct HistoryBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Measure the history store's write path: thread CPU per order recorded.",
        discussion: """
            Builds group commits with the real exchange (untimed): --accounts accounts take turns \
            placing --orders orders on BTCUSDT, --batch commands per group commit, one millisecond \
            apart, gathered into record calls of about --gather orders as the server's history \
            projector does. Workload ioc: LIMIT IOC buys below the market, as bench-http sends \
            (one order row each). Workload trading: GTC sells resting on five levels and GTC buys \
            that fill them (order rows, fills, trades, klines). Each run records into a fresh file \
            store in a temporary directory and sums the thread CPU time of the record calls; the \
            baseline run writes the same orders, projected the same way, into a table with no \
            index. Runs alternate; medians and the median of per-run ratios are reported. Build \
            with -c release.
            """)

    @Option(help: "Workloads to run, comma separated: ioc, trading.") var workloads: String = "ioc,trading"
    @Option(help: "Orders recorded per run.") var orders: Int = 100_000
    @Option(help: "Accounts placing them, in turn.") var accounts: Int = 64
    @Option(help: "Commands per group commit.") var batch: Int = 15
    @Option(help: "Orders per record call (one transaction).") var gather: Int = 800
    @Option(help: "Runs of the store and of the baseline, alternating.") var runs: Int = 5
    @Option(help: "Directory for the temporary databases.") var directory: String = NSTemporaryDirectory()

    func validate() throws {
        guard (try? kinds()) != nil else { throw ValidationError("--workloads is a list of ioc, trading") }
        guard (1_000...10_000_000).contains(orders) else { throw ValidationError("--orders must be 1,000...10,000,000") }
        guard (1...10_000).contains(accounts) else { throw ValidationError("--accounts must be 1...10,000") }
        guard (1...10_000).contains(batch), (1...100_000).contains(gather) else {
            throw ValidationError("--batch must be 1...10,000 and --gather 1...100,000")
        }
        guard (1...21).contains(runs) else { throw ValidationError("--runs must be 1...21") }
    }

    private func kinds() throws -> [HistoryWorkload.Kind] {
        try workloads.split(separator: ",").map {
            guard let kind = HistoryWorkload.Kind(rawValue: String($0)) else { throw ValidationError("bad workload \($0)") }
            return kind
        }
    }

    func run() throws {
        print("solvent-bench history — \(orders.grouped) orders per run, \(accounts) accounts, "
              + "\(batch) commands per batch, ~\(gather) orders per record call, \(runs) runs alternating")
        for kind in try kinds() {
            let shape = HistoryWorkload.Shape(kind: kind, orders: orders, accounts: accounts, commandsPerBatch: batch,
                                              ordersPerRecord: gather)
            let workload = HistoryWorkload(shape)
            var store: [HistoryBenchRun.Result] = []
            var floor: [HistoryBenchRun.Result] = []
            for _ in 0..<runs {
                store.append(try HistoryBenchRun.run(workload, into: .store, directory: directory))
                floor.append(try HistoryBenchRun.run(workload, into: .floor, directory: directory))
            }
            print(HistoryBenchReport(kind: kind, workload: workload, store: store, floor: floor).text)
        }
    }
}
