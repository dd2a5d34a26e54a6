import ArgumentParser
import SolventCore

/// `solvent demo`: a live exchange in this process, traded by simulated traders, drawn a few times
/// a second. The first thing to run: it shows the engine working end to end without a server.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a live in-process demo exchange with simulated traders.",
        discussion: """
            Lists BTC, USDT and ETH with the markets BTCUSDT, ETHUSDT and ETHBTC, funds a few dozen \
            simulated market makers and takers, and shows the books, trades, volume and a \
            conservation check as they change. On a terminal the view redraws in place; when \
            standard output is not a terminal, a summary line is printed every two seconds.
            """)

    @Option(help: "Seconds to run (default: until Ctrl-C).")
    var duration: Double?

    @Option(help: "Seed of the simulated traders (default: from the clock).")
    var seed: UInt64?

    @Option(help: "Commands per second fed to the exchange.")
    var rate: Int = 2_000

    static let frameNanoseconds: UInt64 = 250_000_000
    static let summaryNanoseconds: UInt64 = 2_000_000_000

    func validate() throws {
        if let duration, !(duration > 0 && duration <= 31_536_000) {
            throw ValidationError("--duration must be a positive number of seconds")
        }
        guard rate >= 1 && rate <= 1_000_000 else { throw ValidationError("--rate must be 1...1,000,000") }
    }

    func run() throws {
        let seed = self.seed ?? UInt64(Terminal.wallClockMilliseconds())
        let venue = DemoVenue()
        let screen = DemoScreen(venue: venue)
        var session = DemoSession(venue: venue, seed: seed)
        let interactive = Terminal.isInteractive
        Terminal.trapInterrupts()
        if interactive { Terminal.enterFullScreen() }

        let started = MonotonicClock.nanoseconds()
        let deadline = duration.map { started + UInt64($0 * 1e9) }
        var nextSummary = started + Self.summaryNanoseconds
        var meter = RateMeter()
        while !Terminal.wasInterrupted {
            let now = MonotonicClock.nanoseconds()
            if let deadline, now >= deadline { break }
            let due = Int(Double(now - started) / 1e9 * Double(rate)) - session.tradingCommands
            session.step(count: min(max(due, 0), rate))   // never more than a second's worth at once
            meter.record(commands: session.state.commands, at: now)
            let elapsed = Double(now - started) / 1e9
            if interactive {
                Terminal.draw(screen.frame(session.exchange, session.state, commandsPerSecond: meter.perSecond,
                                           elapsedSeconds: elapsed, columns: Terminal.size.columns))
            } else if now >= nextSummary {
                print(screen.summary(session.exchange, session.state, commandsPerSecond: meter.perSecond,
                                     elapsedSeconds: elapsed))
                nextSummary += Self.summaryNanoseconds
            }
            let frameEnd = now + Self.frameNanoseconds
            let wake = deadline.map { min($0, frameEnd) } ?? frameEnd
            let after = MonotonicClock.nanoseconds()
            if wake > after { Terminal.sleep(nanoseconds: wake - after) }
        }
        if interactive { Terminal.leaveFullScreen() }
        let elapsed = Double(MonotonicClock.nanoseconds() - started) / 1e9
        print(screen.summary(session.exchange, session.state, commandsPerSecond: meter.perSecond, elapsedSeconds: elapsed))
        print("seed \(seed) (replay the same traders with --seed \(seed))")
        if !screen.conservation(session.exchange, session.state).holds {
            print("conservation is broken: the engine lost or created money")
            throw ExitCode.failure
        }
    }
}

/// The demo exchange and what its traders know, advanced a batch of commands at a time.
struct DemoSession {
    private(set) var exchange = Exchange()
    private(set) var state: DemoState
    private var traders: DemoTraders
    private var events: [Event] = []
    private let setupCount: Int

    /// Commands sent by the traders (the setup excluded).
    var tradingCommands: Int { state.commands - setupCount }

    init(venue: DemoVenue, seed: UInt64) {
        state = DemoState(markets: venue.markets.count, assets: DemoVenue.assetNames.count)
        traders = DemoTraders(venue: venue, seed: seed)
        let setup = venue.setupCommands()
        setupCount = setup.count
        let time = Terminal.wallClockMilliseconds()
        for command in setup {
            exchange.apply(command, at: time, into: &events)
            state.absorb(events)
            events.removeAll(keepingCapacity: true)
        }
        precondition(state.rejectionCount == 0, "the demo's setup was rejected: \(state.rejections)")
    }

    mutating func step(count: Int) {
        let time = Terminal.wallClockMilliseconds()
        for _ in 0..<count {
            var traders = self.traders   // a local copy, so the closure may read self.exchange
            let command = traders.nextCommand(state) { self.exchange.balance(of: $0, $1) }
            self.traders = traders
            exchange.apply(command, at: time, into: &events)
            state.absorb(events)
            events.removeAll(keepingCapacity: true)
        }
    }
}

/// Commands per second over roughly the last second.
struct RateMeter {
    private var samples: [(commands: Int, at: UInt64)] = []

    mutating func record(commands: Int, at time: UInt64) {
        samples.append((commands, time))
        while samples.count > 2, time - samples[0].at > 1_000_000_000 { samples.removeFirst() }
    }

    var perSecond: Double {
        guard let first = samples.first, let last = samples.last, last.at > first.at else { return 0 }
        return Double(last.commands - first.commands) / (Double(last.at - first.at) / 1e9)
    }
}
