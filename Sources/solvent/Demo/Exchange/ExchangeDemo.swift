import Foundation
import Logging
import SolventCommandLine
import SolventServer

/// `solvent demo`: the real exchange (`serve`: REST, streams, WebSocket API and the web page on
/// one port) on embedded storage in a data directory, traded by a market maker and takers that
/// are ordinary API clients; prints the URL and a ready API key. Runs until Ctrl-C (or
/// `--duration`), and a second run resumes from the same directory.
struct ExchangeDemo: Sendable {
    let directory: String
    let host: String
    let port: Int
    let seed: UInt64
    let duration: Double?

    static func defaultDirectory() -> String {
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return home + "/.solvent/demo"
    }

    func run() async throws {
        var configuration = ServerConfiguration(dataDirectory: directory)
        configuration.applyEnvironment()
        configuration.host = host
        configuration.port = port
        configuration.adminPort = 0
        // The demo's own bots share one address; the limits stay advertised, not enforced.
        configuration.rateLimits.enforced = false
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label)
            handler.logLevel = .warning
            return handler
        }
        let settings = configuration
        let stop = DemoStop()
        let (ready, announce) = AsyncStream.makeStream(of: ListeningPorts.self)
        // Each task says whether it was the server: its end (a signal, or a failure) ends the rest.
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                defer { announce.finish() }
                try await SolventApplication.run(settings, logger: Logger(label: "solvent")) { announce.yield($0) }
                return true
            }
            var ports = ready.makeAsyncIterator()
            if let listening = await ports.next() {
                // Listening on every address, the bots (and the printed URL) use loopback.
                let reachable = ["0.0.0.0", "::"].contains(host) ? "127.0.0.1" : host
                let client = DemoClient(base: "http://\(reachable):\(listening.api)",
                                        adminBase: "http://127.0.0.1:\(listening.admin)",
                                        adminToken: try String(contentsOfFile: directory + "/admin.token", encoding: .utf8)
                                            .trimmingCharacters(in: .whitespacesAndNewlines))
                let crew = try await DemoCrew.openOrCreate(client, directory: directory)
                StandardStreams.out(banner(client.base, crew.visitor))
                group.addTask { await DemoTrading(client: client, crew: crew, seed: seed, stop: stop).run(); return false }
                if let duration {
                    group.addTask {
                        let deadline = MonotonicClock.nanoseconds() + UInt64(duration * 1e9)
                        while !stop.raised, MonotonicClock.nanoseconds() < deadline {
                            try await Task.sleep(nanoseconds: 100_000_000)
                        }
                        if !stop.raised { kill(getpid(), SIGTERM) }   // the server's own clean stop, as Ctrl-C
                        return false
                    }
                }
            }
            while let wasServer = try await group.next() {
                if wasServer { stop.raise() }
            }
        }
    }

    private func banner(_ url: String, _ visitor: DemoKey) -> String {
        """
        Solvent demo exchange: open \(url)/
          API key     \(visitor.apiKey)
          API secret  \(visitor.secret)
          (account \(visitor.account), first funded with 1 BTC, 10 ETH, 100 SOL, 100,000 USDT; REST, streams and the \
        WebSocket API at the same URL, e.g. ccxt with urls.api = \(url))
        A market maker and \(DemoFunding.takerCount) takers trade BTCUSDT, ETHUSDT, ETHBTC and SOLUSDT through the API.
        Data in \(directory): run again to resume, --reset to start over. Ctrl-C stops.

        """
    }
}
