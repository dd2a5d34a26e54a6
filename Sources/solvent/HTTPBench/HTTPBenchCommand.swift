import ArgumentParser
import Foundation

/// `solvent bench-http`: signed order placement over HTTP against a trivial Hummingbird
/// endpoint, measured in the same run on the same machine.
struct HTTPBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-http",
        abstract: "Measure signed POST /api/v3/order against a trivial Hummingbird endpoint.",
        discussion: """
            Starts, in this process, a Hummingbird app whose GET /ping answers {} and a Solvent \
            server on a temporary data directory (rate limits off), then drives each with the same \
            closed-loop keep-alive load: --connections threads, one request after another, for \
            --seconds. Orders are HMAC-signed LIMIT IOC buys below the market, so each is \
            authenticated, journaled, fsynced and expires. Build with -c release.
            """)

    @Option(help: "Seconds per measurement.") var seconds: Double = 5
    @Option(help: "Concurrent keep-alive connections.") var connections: Int = 16

    func validate() throws {
        guard seconds > 0 && seconds <= 600 else { throw ValidationError("--seconds must be 0...600") }
        guard (1...512).contains(connections) else { throw ValidationError("--connections must be 1...512") }
    }

    func run() async throws {
        let trivial = try await BenchServers.trivial()
        let baseline = try LoadRun(port: trivial.port, connections: connections, seconds: seconds).run { _, _ in
            Array("GET /ping HTTP/1.1\r\nHost: bench\r\n\r\n".utf8)
        }
        trivial.task.cancel()
        let directory = NSTemporaryDirectory() + "solvent-bench-http-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let solvent = try await BenchServers.solvent(directory: directory)
        let traders = try BenchSetup(port: solvent.port, directory: directory).traders(connections)
        let orders = try LoadRun(port: solvent.port, connections: connections, seconds: seconds).run { connection, n in
            traders[connection].orderRequest(n)
        }
        solvent.task.cancel()
        print(report(baseline: baseline, orders: orders))
        if orders.failures > 0 { throw ExitCode.failure }
    }

    private func report(baseline: LoadRun.Result, orders: LoadRun.Result) -> String {
        func line(_ title: String, _ result: LoadRun.Result) -> String {
            let latency = LatencyHistogram(result.latencies.isEmpty ? [0] : result.latencies)
            return "\(title): \(Int(result.perSecond).grouped) requests/s, p50 \(milliseconds(latency.percentile(0.5))), "
                + "p99 \(milliseconds(latency.percentile(0.99))), \(result.failures) failed"
        }
        return [
            "solvent bench-http — \(connections) keep-alive connections, \(seconds) s each, same process and machine",
            line("trivial Hummingbird GET /ping", baseline),
            line("signed POST /api/v3/order (HMAC, journaled, fsynced)", orders),
            String(format: "signed orders reach %.0f %% of the trivial endpoint's rate", 100 * orders.perSecond / baseline.perSecond),
        ].joined(separator: "\n")
    }
}
