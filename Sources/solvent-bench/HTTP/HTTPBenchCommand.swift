import ArgumentParser
import Foundation
import SolventCommandLine

/// `solvent-bench http`: a signed endpoint (order placement by default) over HTTP against a
/// trivial Hummingbird endpoint, measured in the same run on the same machine with the same
/// load generator.
struct HTTPBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Measure a signed endpoint (POST /api/v3/order by default) against a trivial Hummingbird endpoint.",
        discussion: """
            Starts, in this process, a Hummingbird app whose GET /ping answers {} and a Solvent \
            server on a temporary data directory (rate limits off), then drives each with the same \
            closed-loop keep-alive load for --seconds over --connections connections. Orders are \
            HMAC-signed LIMIT IOC buys below the market, so each is authenticated, journaled, \
            fsynced, projected into the history store, and expires; --endpoint measures account \
            reads, cancels of resting orders or cancel-replaces instead. The load comes from wrk \
            (apt install wrk) when it is installed, else from blocking client threads in this \
            process (--generator threads), which take a larger share of the two cores. Build with \
            -c release.
            """)

    enum Generator: String, ExpressibleByArgument, CaseIterable {
        case wrk, threads
    }

    @Option(help: "Seconds per measurement (1...50: prepared orders carry a 60 s recvWindow).") var seconds: Int = 5
    @Option(help: "Concurrent keep-alive connections.") var connections: Int = 64
    @Option(help: "Load generator: wrk or threads (default: wrk when installed).") var generator: Generator?
    @Option(help: "wrk threads.") var wrkThreads: Int = 1
    @Option(help: "Measurements of each server, alternating; the median is reported.") var runs: Int = 3
    @Option(help: "What to send Solvent: order, account, cancel, cancel-replace (the last two with the built-in client).")
    var endpoint: BenchEndpoint = .order
    @Option(help: "Resting orders placed per connection before each cancel measurement (untimed).")
    var restingPerConnection: Int = 1_000

    func validate() throws {
        guard (1...50).contains(seconds) else { throw ValidationError("--seconds must be 1...50") }
        guard (1...512).contains(connections) else { throw ValidationError("--connections must be 1...512") }
        guard (1...8).contains(wrkThreads), wrkThreads <= connections else {
            throw ValidationError("--wrk-threads must be 1...8 and at most --connections")
        }
        guard (1...15).contains(runs) else { throw ValidationError("--runs must be 1...15") }
        if generator == .wrk && WrkLoad.locate() == nil { throw ValidationError("wrk is not installed (apt install wrk)") }
        if generator == .wrk && !endpoint.repeatable {
            throw ValidationError("--endpoint \(endpoint.rawValue) needs --generator threads (each connection sends its own sequence)")
        }
        guard (1...100_000).contains(restingPerConnection) else { throw ValidationError("--resting-per-connection must be 1...100,000") }
    }

    func run() async throws {
        let wrk = WrkLoad.locate() != nil && endpoint.repeatable
        let load = HTTPLoad(generator: generator ?? (wrk ? .wrk : .threads),
                            connections: connections, wrkThreads: wrkThreads, seconds: seconds)
        let trivial = try await BenchServers.trivial()
        let directory = NSTemporaryDirectory() + "solvent-bench-http-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let solvent = try await BenchServers.solvent(directory: directory)
        let (runs, connections, endpoint, resting) = (runs, connections, endpoint, restingPerConnection)
        let (baselines, orders) = try await onOwnThread {
            let traders = try BenchSetup(adminPort: solvent.adminPort, directory: directory)
                .traders(connections * endpoint.tradersPerConnection(resting: resting))
            var baselines: [HTTPLoad.Result] = []
            var orders: [HTTPLoad.Result] = []
            for run in 0..<runs {
                baselines.append(try load.ping(port: trivial.port))
                orders.append(try load.requests(port: solvent.port, endpoint: endpoint, traders: traders, run: run,
                                                restingPerConnection: resting))
            }
            return (baselines, orders)
        }
        trivial.task.cancel()
        solvent.task.cancel()
        print(report(load, baselines: baselines, orders: orders))
        if orders.contains(where: { $0.failures > 0 }) || baselines.contains(where: { $0.failures > 0 }) {
            throw ExitCode.failure
        }
    }

    private func report(_ load: HTTPLoad, baselines: [HTTPLoad.Result], orders: [HTTPLoad.Result]) -> String {
        func line(_ title: String, _ results: [HTTPLoad.Result]) -> String {
            let median = HTTPLoad.Result.median(results)
            let each = results.map { Int($0.perSecond).grouped }.joined(separator: ", ")
            return "\(title): median \(Int(median.perSecond).grouped) requests/s (runs: \(each)), "
                + "p50 \(milliseconds(median.p50)), p99 \(milliseconds(median.p99)), "
                + (load.generator == .wrk ? "server CPU \(median.cpuPerRequest / 1_000) µs/request, " : "")
                + "\(results.map(\.failures).reduce(0, +)) failed"
        }
        let ratios = zip(orders, baselines).map { $0.perSecond / $1.perSecond }.sorted()
        let breakdowns: [String] = load.generator == .wrk
            ? [Self.breakdown("  CPU per ping", baselines), Self.breakdown("  CPU per request", orders)] : []
        let lines: [String] = [
            "solvent-bench http — \(load.description), \(seconds) s per measurement, \(runs) runs alternating",
            line("trivial Hummingbird GET /ping", baselines),
            line(endpoint.title, orders),
        ] + breakdowns + [
            String(format: "%@ reaches %.0f %% of the trivial endpoint's rate (median of per-run ratios; range %.0f–%.0f %%)",
                   endpoint.rawValue, 100 * ratios[ratios.count / 2], 100 * ratios[0], 100 * ratios[ratios.count - 1]),
        ] + (orders.contains { $0.exhausted > 0 }
            ? ["warning: some connections ran out of resting orders; raise --resting-per-connection"] : [])
        return lines.joined(separator: "\n")
    }

    /// Where the median run's CPU went, per request: this process's threads by name (largest
    /// first; under 0.5 µs summed as "other"), then wrk's.
    static func breakdown(_ title: String, _ results: [HTTPLoad.Result]) -> String {
        let median = HTTPLoad.Result.median(results)
        let threads = median.cpuPerRequestByThread.sorted { $0.value > $1.value }
        let shown = threads.filter { $0.value >= 500 }
        let other = threads.filter { $0.value < 500 }.reduce(0) { $0 + $1.value }
        let parts = shown.map { "\($0.key) \(microseconds($0.value))" } + (other > 0 ? ["other \(microseconds(other))"] : [])
        return "\(title) (median run): " + parts.joined(separator: ", ")
            + "; load generator (wrk) \(microseconds(Double(median.generatorCPUPerRequest)))"
    }

    private static func microseconds(_ nanoseconds: Double) -> String {
        String(format: "%.1f µs", nanoseconds / 1_000)
    }
}
