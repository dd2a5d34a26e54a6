import ArgumentParser
import Foundation
import Logging
import SolventCommandLine
import SolventCore
import SolventJournal
import SolventServer
import Synchronization

/// `solvent-bench streams`: one busy market fanned out to many WebSocket subscribers, in this
/// process, on loopback.
struct StreamBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streams",
        abstract: "Measure market-stream fan-out: one busy book to many WebSocket subscribers.",
        discussion: """
            Starts a Solvent server on a temporary data directory, lists BTCUSDT and drives its book \
            straight through the sequencer (closed loops placing, canceling and crossing orders; no \
            HTTP). First --seconds with no subscriber, then --connections WebSocket clients subscribe to \
            --stream and the same load runs again. --rate sets the load offered (0: closed loops, the \
            engine's ceiling on this machine, shared with the clients' own CPU). Reports engine commands/s and book updates/s in \
            both runs, messages delivered per second, and the age of messages on arrival (receipt \
            time minus E, the commit time of the newest change a message carries). Build with -c release.
            """)

    @Option(help: "Seconds per run.") var seconds: Double = 10
    @Option(help: "Subscribed WebSocket connections.") var connections: Int = 1_000
    @Option(help: "Concurrent order loops driving the book.") var loops: Int = 256
    @Option(help: "The stream every connection subscribes to.") var stream = "btcusdt@depth@100ms"
    @Option(help: "Commands/s offered to the engine; 0 = as fast as it answers (closed loops).") var rate = 25_000

    func validate() throws {
        guard seconds > 0 && seconds <= 600 else { throw ValidationError("--seconds must be 0...600") }
        guard (1...10_000).contains(connections) else { throw ValidationError("--connections must be 1...10000") }
        guard (1...4_096).contains(loops) else { throw ValidationError("--loops must be 1...4096") }
    }

    func run() async throws {
        let directory = NSTemporaryDirectory() + "solvent-bench-streams-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = ServerConfiguration(dataDirectory: directory)
        // A throwaway directory, removed with its key: named inside it on purpose.
        configuration.masterKeyPath = directory + "/master.key"
        configuration.port = 0
        configuration.rateLimits.enforced = false
        configuration.streams.connectionsMax = connections + 100
        let sequencerBox = Mutex<Sequencer?>(nil)
        let ready = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "bench-streams")
        logger.logLevel = .error
        let server = Task {
            try await SolventApplication.run(configuration, logger: logger,
                                             onReady: { ready.continuation.yield($0.api) },
                                             onAssembled: { sequencer in sequencerBox.withLock { $0 = sequencer } })
        }
        var ports = ready.stream.makeAsyncIterator()
        guard let port = await ports.next(), let sequencer = sequencerBox.withLock({ $0 }) else {
            throw CommandFailure("the server did not start")
        }
        let load = BookLoad(sequencer: sequencer, accounts: try await BookLoad.setUp(sequencer, accounts: loops))
        let depth = try BookDepthProbe(port: port)

        let quiet = try await measure(load, depth)
        let subscribers = StreamSubscribers(url: "ws://127.0.0.1:\(port)/ws/\(stream)", count: connections)
        let clientTasks = subscribers.start()
        let deadline = Date().addingTimeInterval(60)
        while subscribers.connectedCount < connections && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        guard subscribers.connectedCount == connections else {
            throw CommandFailure("only \(subscribers.connectedCount) of \(connections) connections opened")
        }
        try await Task.sleep(for: .seconds(1))
        subscribers.measure()
        let busy = try await measure(load, depth)
        subscribers.stop()
        try await Task.sleep(for: .milliseconds(500))
        clientTasks.forEach { $0.cancel() }
        for task in clientTasks { await task.value }
        server.cancel()
        print(report(quiet: quiet, busy: busy, subscribers: subscribers))
    }

    struct Run {
        var commandsPerSecond: Double
        var bookUpdatesPerSecond: Double
    }

    private func measure(_ load: BookLoad, _ depth: BookDepthProbe) async throws -> Run {
        let before = try depth.lastUpdateId()
        let started = Date()
        let commands = await load.run(seconds: seconds, rate: rate)
        let elapsed = Date().timeIntervalSince(started)
        let after = try depth.lastUpdateId()
        return Run(commandsPerSecond: Double(commands) / elapsed, bookUpdatesPerSecond: Double(after - before) / elapsed)
    }

    private func report(quiet: Run, busy: Run, subscribers: StreamSubscribers) -> String {
        let delivered = Double(subscribers.messages) / seconds
        return [
            "solvent-bench streams — BTCUSDT, \(loops) order loops into the sequencer offering "
                + (rate > 0 ? "\(rate) commands/s" : "all they can") + ", \(seconds) s per run, same process",
            String(format: "no subscribers:        %8.0f commands/s, %8.0f book updates/s", quiet.commandsPerSecond,
                   quiet.bookUpdatesPerSecond),
            String(format: "%5d × %@: %8.0f commands/s, %8.0f book updates/s", connections, stream,
                   busy.commandsPerSecond, busy.bookUpdatesPerSecond),
            String(format: "engine throughput with subscribers: %.0f %% of without", 100 * busy.commandsPerSecond / quiet.commandsPerSecond),
            String(format: "delivered: %.0f messages/s (%d messages in %.0f s)", delivered, subscribers.messages, seconds),
            "message age at the client (receipt − commit of its newest change): p50 \(subscribers.agePercentile(0.5)) ms, "
                + "p99 \(subscribers.agePercentile(0.99)) ms, max \(subscribers.agePercentile(1.0)) ms",
        ].joined(separator: "\n")
    }
}

/// Reads `lastUpdateId` from `GET /api/v3/depth` (the book update counter).
struct BookDepthProbe {
    let client: KeepAliveClient

    init(port: Int) throws {
        client = try KeepAliveClient(port: port)
    }

    func lastUpdateId() throws -> Int64 {
        let request = "GET /api/v3/depth?symbol=BTCUSDT&limit=1 HTTP/1.1\r\nHost: bench\r\n\r\n"
        let (status, body) = try client.exchangeWithBody(Array(request.utf8))
        guard status == 200, let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let id = (object["lastUpdateId"] as? NSNumber)?.int64Value else {
            throw CommandFailure("GET /api/v3/depth failed: \(status)")
        }
        return id
    }
}
