import ArgumentParser
import Foundation
import SolventCommandLine
import SolventCore

/// `solvent demo`: the real exchange on embedded storage (`ExchangeDemo`), with the web page,
/// a ready API key and bots trading through the API; or, with `--dashboard`, an in-process
/// engine drawn in the terminal, which shows the engine and the journal end to end without a
/// server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a live demo exchange with its web page, on embedded storage, with simulated traders.",
        discussion: """
            Starts the exchange (REST, market and user streams, WebSocket API and the web page, \
            on one port) in a data directory, lists BTC, ETH, SOL and USDT with the markets \
            BTCUSDT, ETHUSDT, ETHBTC and SOLUSDT, and prints the URL and an API key with its \
            secret. A market maker and takers trade through the API from a random walk. A second \
            run resumes the same exchange; --reset starts over.

            --dashboard instead runs the engine in-process and draws its books, trades, volume \
            and a conservation check in the terminal; at the end the journal is replayed from \
            disk and its state hash compared with the live one (when standard output is not a \
            terminal, a summary line is printed every two seconds).
            """)

    @Flag(help: "Draw an in-process engine in the terminal instead of serving the exchange.")
    var dashboard = false

    @Flag(help: "Start over: remove the demo's data directory first.")
    var reset = false

    @Option(help: "Port of the exchange and its page (0: any free port).")
    var port: Int = 8080

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Seconds to run (default: until Ctrl-C).")
    var duration: Double?

    @Option(help: "Seed of the simulated traders (default: from the clock).")
    var seed: UInt64?

    @Option(help: "With --dashboard: commands per second fed to the exchange.")
    var rate: Int = 2_000

    @Option(help: "Data directory (default: ~/.solvent/demo; with --dashboard, a new temporary directory removed at exit).")
    var data: String?

    static let frameNanoseconds: UInt64 = 250_000_000
    static let summaryNanoseconds: UInt64 = 2_000_000_000

    func validate() throws {
        if let duration, !(duration > 0 && duration <= 31_536_000) {
            throw ValidationError("--duration must be a positive number of seconds")
        }
        guard rate >= 1 && rate <= 1_000_000 else { throw ValidationError("--rate must be 1...1,000,000") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
    }

    func run() async throws {
        let seed = self.seed ?? UInt64(Terminal.wallClockMilliseconds())
        guard dashboard else { return try await serve(seed: seed) }
        let directory = data ?? DemoStorage.temporaryDirectory()
        let venue = DemoVenue()
        let screen = DemoScreen(venue: venue)
        var session: DemoSession
        do {
            session = try DemoSession(venue: venue, seed: seed, directory: directory)
        } catch {
            StandardStreams.fail("solvent demo: \(error)")
        }
        let meter = try await trade(&session, screen)
        // Every command submitted is applied before this read; their events arrive with it.
        let final = try await session.read { screen.conservation($0) }
        session.absorbCommitted()
        let state = session.state
        let elapsed = meter.elapsedSeconds
        print(try await session.read { screen.summary($0, state, commandsPerSecond: meter.perSecond, elapsedSeconds: elapsed) })
        print("seed \(seed) (replay the same traders with --seed \(seed))")
        let check = try await DemoStorage.verify(session.sequencer, directory: directory)
        print(check.line)
        if data == nil { DemoStorage.remove(directory) }
        if !final.holds {
            print("conservation is broken: the engine lost or created money")
            throw ExitCode.failure
        }
        if final.deposited != state.deposited || final.withdrawn != state.withdrawn {
            print("the deposits and withdrawals in the events differ from the ledger's totals")
            throw ExitCode.failure
        }
        if !check.matches { throw ExitCode.failure }
    }

    private func serve(seed: UInt64) async throws {
        let directory = data ?? ExchangeDemo.defaultDirectory()
        if reset {
            do {
                if FileManager.default.fileExists(atPath: directory) { try FileManager.default.removeItem(atPath: directory) }
            } catch {
                StandardStreams.fail("solvent demo: cannot remove \(directory): \(error)")
            }
        }
        do {
            try await ExchangeDemo(directory: directory, host: host, port: port, seed: seed, duration: duration).run()
        } catch {
            StandardStreams.fail("solvent demo: \(error)")
        }
    }

    /// The live loop: feeds the traders' commands at `rate` and redraws until the duration ends
    /// or Ctrl-C.
    private func trade(_ session: inout DemoSession, _ screen: DemoScreen) async throws -> RateMeter {
        let interactive = Terminal.isInteractive
        Terminal.trapInterrupts()
        if interactive { Terminal.enterFullScreen() }
        defer { if interactive { Terminal.leaveFullScreen() } }
        var meter = RateMeter()
        let deadline = duration.map { meter.started + UInt64($0 * 1e9) }
        var nextSummary = meter.started + Self.summaryNanoseconds
        while !Terminal.wasInterrupted {
            let now = MonotonicClock.nanoseconds()
            if let deadline, now >= deadline { break }
            let due = Int(Double(now - meter.started) / 1e9 * Double(rate)) - session.tradingCommands
            session.step(count: min(max(due, 0), rate))   // never more than a second's worth at once
            meter.record(commands: session.state.commands, at: now)
            let state = session.state
            let (perSecond, elapsed) = (meter.perSecond, meter.elapsedSeconds)
            if interactive {
                let columns = Terminal.size.columns
                Terminal.draw(try await session.read {
                    screen.frame($0, state, commandsPerSecond: perSecond, elapsedSeconds: elapsed, columns: columns)
                })
            } else if now >= nextSummary {
                print(try await session.read {
                    screen.summary($0, state, commandsPerSecond: perSecond, elapsedSeconds: elapsed)
                })
                nextSummary += Self.summaryNanoseconds
            }
            let frameEnd = now + Self.frameNanoseconds
            let wake = deadline.map { min($0, frameEnd) } ?? frameEnd
            let after = MonotonicClock.nanoseconds()
            if wake > after { Terminal.sleep(nanoseconds: wake - after) }
        }
        return meter
    }
}

/// Commands per second over roughly the last second.
struct RateMeter {
    let started = MonotonicClock.nanoseconds()
    private var samples: [(commands: Int, at: UInt64)] = []

    var elapsedSeconds: Double { Double(MonotonicClock.nanoseconds() - started) / 1e9 }

    mutating func record(commands: Int, at time: UInt64) {
        samples.append((commands, time))
        while samples.count > 2, time - samples[0].at > 1_000_000_000 { samples.removeFirst() }
    }

    var perSecond: Double {
        guard let first = samples.first, let last = samples.last, last.at > first.at else { return 0 }
        return Double(last.commands - first.commands) / (Double(last.at - first.at) / 1e9)
    }
}
