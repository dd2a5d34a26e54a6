import Foundation
import Logging
import SolventCommandLine
import SolventCore
import SolventServer

/// `solvent demo`: the real exchange (`serve`: REST, streams, WebSocket API and the web page on
/// one port) on embedded storage in a data directory, traded by a market maker and takers that
/// are ordinary API clients; prints the URL, a ready API key and the page's demo login. The chain
/// simulator runs in the same process (as `solvent chain` would beside it), so deposits and
/// withdrawals go through custody, and the page may send simulated deposits. Runs until Ctrl-C
/// (or `--duration`), and a second run resumes from the same directory (on new simulated chains:
/// the chains are not kept).
struct ExchangeDemo: Sendable {
    let directory: String
    let host: String
    let port: Int
    let seed: UInt64
    let duration: Double?

    /// Seconds between the simulated chains' blocks: a deposit's two confirmations in seconds.
    static let blockSeconds: UInt64 = 2

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
        configuration.custody.pollMilliseconds = 500
        // A minute, not a day, after a security change (the demo's own key, a new address), so a
        // newcomer sees the lock and its end and can still withdraw within the first visit.
        configuration.custody.securityDelays = SecurityDelays(addressDelay: 60_000, withdrawalLock: 60_000)
        // No chain carries SOL here: its reserves are a configured figure, the same float.
        configuration.proof.reserves = ["SOL": DecimalText.format(DemoFunding.float["SOL"] ?? 0, scale: 8)]
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Before the server starts: its custody reads chain.url when it is assembled.
        let chains = try await ChainStation.start(data: directory)
        configuration.simulatedDeposits = SimulatedDeposits(chains: chains.simulators)
        do {
            try await serve(configuration, chains: chains)
        } catch {
            await chains.stop()
            throw error
        }
        await chains.stop()
    }

    /// The server, the traders and the chains' blocks, until the server stops.
    private func serve(_ configuration: ServerConfiguration, chains: ChainStation) async throws {
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
                // The chains start afresh every run: the exchange's float goes to its hot wallets again.
                try chains.holdFloat(DemoFunding.float)
                StandardStreams.out(banner(client.base, crew))
                group.addTask { await DemoTrading(client: client, crew: crew, seed: seed, stop: stop).run(); return false }
                group.addTask {
                    while !stop.raised {
                        try await Task.sleep(nanoseconds: Self.blockSeconds * 1_000_000_000)
                        chains.mineBlock()
                    }
                    return false
                }
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

    private func banner(_ url: String, _ crew: DemoCrew) -> String {
        let visitor = crew.visitor
        let login = crew.login.map { "\n  Page login  \($0.login) / \($0.password)  (Account: sign in; Wallet: deposit, withdraw)" } ?? ""
        return """
        Solvent demo exchange: open \(url)/\(login)
          API key     \(visitor.apiKey)
          API secret  \(visitor.secret)
          (account \(visitor.account), first funded with 1 BTC, 10 ETH, 100 SOL, 100,000 USDT; REST, streams and the \
        WebSocket API at the same URL, e.g. ccxt with urls.api = \(url))
        Simulated BTC, ETH and USDT chains mine a block every \(Self.blockSeconds) s; a deposit is credited after \
        \(CustodySettings().confirmationsRequired) confirmations.
        A market maker and \(DemoFunding.takerCount) takers trade BTCUSDT, ETHUSDT, ETHBTC and SOLUSDT through the API.
        Data in \(directory): run again to resume, --reset to start over. Ctrl-C stops.

        """
    }
}
