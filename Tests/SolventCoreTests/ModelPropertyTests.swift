import Testing
@testable import SolventCore
import SolventTestSupport

/// The engine against `NaiveExchange`, a second exchange written separately from the spec: the same
/// random commands must give the same events and the same balances, command by command, and the
/// same books. The markets carry every filter (NOTIONAL and MIN_NOTIONAL, PERCENT_PRICE_BY_SIDE,
/// MARKET_LOT_SIZE, MAX_NUM_ORDERS, ICEBERG_PARTS) and restricted features and STP modes.
///
/// A failure names its seed (`SOLVENT_MODEL_SEED=<seed>` replays it) and prints the failing stream
/// shrunk to a few commands. `SOLVENT_MODEL_COMMANDS=<total>` sets the length (1,000,000 by default).
@Suite("Property: the engine against the naive model")
struct ModelPropertyTests {
    static let commandsPerSeed = 5_000
    static let commandsTotal = environmentInt("SOLVENT_MODEL_COMMANDS") ?? 1_000_000

    static var seeds: [UInt64] {
        if let seed = environmentInt("SOLVENT_MODEL_SEED") { return [UInt64(seed)] }
        return (1...UInt64(max(1, commandsTotal / commandsPerSeed))).map { $0 &* 0xD1B5_4A32_D192_ED03 }
    }

    @Test(arguments: seeds)
    func engineAgreesWithModel(seed: UInt64) {
        let (commands, failure) = ModelRun.generate(seed: seed, count: Self.commandsPerSeed)
        guard let failure else { return }
        let short = ModelRun.shrink(commands)
        let listing = short.dropFirst(ModelRun.prefix.count).map { "  \($0)" }.joined(separator: "\n")
        Issue.record("""
            seed \(seed): \(failure)
            shrunk to \(short.count - ModelRun.prefix.count) commands after the setup:
            \(listing)
            which give: \(ModelRun.replay(short)?.message ?? "no failure (shrinking is not deterministic?)")
            """)
    }

    /// The model is not vacuous: it trades, prevents, fires stops and refuses through filters.
    @Test func streamsExerciseTheRules() {
        var run = ModelRun()
        var generator = CommandGenerator(seed: 7)
        var seen = Set<String>()
        for command in ModelRun.prefix { _ = run.step(command) }
        for _ in 0..<20_000 {
            let events = run.engine.apply(generator.next(), at: run.advance())
            generator.observe(events)
            for event in events {
                switch event {
                case .trade: seen.insert("trade")
                case .order(let e) where e.execution == .tradePrevention: seen.insert("prevention")
                case .order(let e) where e.execution == .replaced: seen.insert("amend")
                case .order(let e) where e.execution == .new && e.order.isTriggered: seen.insert("stop fired")
                case .order(let e) where e.execution == .trade && e.order.icebergQuantity > 0 && e.fill.isMaker:
                    seen.insert("iceberg traded")
                case .rejected(let r): seen.insert("\(r.reason)")
                default: break
                }
            }
        }
        for expected in ["trade", "prevention", "amend", "stop fired", "iceberg traded",
                         "filterFailure(SolventCore.FilterType.notional)", "filterFailure(SolventCore.FilterType.minNotional)",
                         "filterFailure(SolventCore.FilterType.percentPriceBySide)", "filterFailure(SolventCore.FilterType.marketLotSize)",
                         "filterFailure(SolventCore.FilterType.maxNumOrders)", "filterFailure(SolventCore.FilterType.icebergParts)",
                         "selfTradePreventionModeNotAllowed", "cancelReplaceNotSupported", "quoteOrderQtyNotSupported"] {
            #expect(seen.contains(expected), "the stream never produced \(expected)")
        }
    }
}

/// The engine and the model side by side over one command list.
struct ModelRun {
    var engine = Engine<FastBook>()
    var model = NaiveExchange()
    var time: Timestamp = 1_700_000_000_000
    var index = 0

    /// Assets, the three test markets with filters and restrictions, six funded accounts.
    static let prefix: [Command] = ModelMarkets.setupCommands + CommandGenerator(seed: 0).fundingCommands

    /// Seconds apart in an irregular rhythm, so average-price windows fill and roll over.
    mutating func advance() -> Timestamp {
        index += 1
        time += Int64(1 + index % 7) * 1_000
        return time
    }

    /// Applies one command to both; what differs, or `nil`.
    mutating func step(_ command: Command) -> String? {
        let at = advance()
        let expected = model.apply(command, at: at)
        let actual = engine.apply(command, at: at)
        if expected != actual {
            let first = (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] } ?? min(expected.count, actual.count)
            return """
                command #\(index) \(command): events differ at \(first) (model \(expected.count), engine \(actual.count))
                model:  \(first < expected.count ? "\(expected[first])" : "-")
                engine: \(first < actual.count ? "\(actual[first])" : "-")
                """
        }
        for account in 0..<model.accounts.count {
            let (modelTime, engineTime) = (model.accounts[account].balancesUpdatedAt,
                                           engine.ledger.accounts[account].balancesUpdatedAt)
            if modelTime != engineTime {
                return "command #\(index) \(command): balances of \(account) updated at: model \(modelTime), engine \(engineTime)"
            }
            for asset in 0..<model.assets.count {
                let (a, b) = (AccountId(account), AssetId(asset))
                if model.balance(a, b) != engine.balance(of: a, b) {
                    return "command #\(index) \(command): balance of \(a)/\(b): model \(model.balance(a, b)), engine \(engine.balance(of: a, b))"
                }
            }
        }
        return index % 64 == 0 ? booksDiffer(command) : nil
    }

    private func booksDiffer(_ command: Command) -> String? {
        for m in 0..<model.markets.count {
            for side in Side.allCases where model.side(m, side) != engine.openOrders(MarketId(m), side) {
                return "command #\(index) \(command): the \(side) book of market \(m) differs"
            }
            let waiting = model.open.map(\.order).filter { $0.market == MarketId(m) && model.isWaiting($0) }.sorted { $0.id < $1.id }
            if waiting != engine.waitingOrders(MarketId(m)) { return "command #\(index) \(command): waiting orders of market \(m) differ" }
        }
        return nil
    }

    /// Setup and `count` random commands, with the first disagreement.
    static func generate(seed: UInt64, count: Int) -> (commands: [Command], failure: String?) {
        var run = ModelRun()
        var generator = CommandGenerator(seed: seed)
        var commands = prefix
        for command in prefix {
            if let failure = run.step(command) { return (commands, failure) }
        }
        for _ in 0..<count {
            let command = generator.next()
            commands.append(command)
            if let failure = run.step(command) { return (commands, failure) }
            generator.observe(run.model.events)
        }
        return (commands, nil)
    }

    /// Runs a fixed list; the first disagreement and how many commands it took.
    static func replay(_ commands: [Command]) -> (message: String, length: Int)? {
        var run = ModelRun()
        for (at, command) in commands.enumerated() {
            if let failure = run.step(command) { return (failure, at + 1) }
        }
        return nil
    }

    /// Drops chunks of the random part, halving the chunk size, as long as the list still fails.
    static func shrink(_ commands: [Command]) -> [Command] {
        guard var failing = replay(commands).map({ Array(commands.prefix($0.length)) }) else { return commands }
        var chunk = max(1, (failing.count - prefix.count) / 2)
        var budget = 4_000
        while chunk >= 1 && budget > 0 {
            var start = prefix.count
            while start < failing.count && budget > 0 {
                budget -= 1
                var candidate = failing
                candidate.removeSubrange(start..<min(failing.count, start + chunk))
                if let failure = replay(candidate) {
                    failing = Array(candidate.prefix(failure.length))
                } else {
                    start += chunk
                }
            }
            chunk /= 2
        }
        return failing
    }
}

/// The test markets of `TestMarkets`, dressed with every filter and some restrictions.
enum ModelMarkets {
    static var setupCommands: [Command] {
        var btcusdt = TestMarkets.spec("BTCUSDT", base: TestMarkets.btc, quote: TestMarkets.usdt, tick: 1_000_000, step: 1_000)
        btcusdt.filters.maxNumOrders = 5
        // ETHUSDT: MIN_NOTIONAL at the last price (no averaging window), no TAKE_PROFIT_LIMIT, no
        // quote-sized MARKET orders, no cancel-replace, default STP none.
        var ethusdt = TestMarkets.spec("ETHUSDT", base: TestMarkets.eth, quote: TestMarkets.usdt, tick: 1_000_000, step: 10_000)
        ethusdt.filters.notional = NotionalFilter(minNotional: 1_000_000, applyMinToMarket: true, averagePriceMinutes: 0)
        ethusdt.filters.isLegacyMinNotional = true
        ethusdt.orderTypes.remove(.takeProfitLimit)
        ethusdt.quoteOrderQtyMarketAllowed = false
        ethusdt.cancelReplaceAllowed = false
        ethusdt.defaultSelfTradePreventionMode = .none
        // ETHBTC: NOTIONAL both ways, a tight PERCENT_PRICE_BY_SIDE over a one-minute average,
        // a coarser MARKET_LOT_SIZE, few open orders, few iceberg parts, no EXPIRE_BOTH.
        var ethbtc = TestMarkets.spec("ETHBTC", base: TestMarkets.eth, quote: TestMarkets.btc, tick: 1_000, step: 100_000)
        ethbtc.filters.notional = NotionalFilter(minNotional: 60_000, maxNotional: 2_000_000,
                                                 applyMinToMarket: true, applyMaxToMarket: true, averagePriceMinutes: 1)
        ethbtc.filters.percentPriceBySide = PercentPriceBySideFilter(
            bidMultiplierUp: 100_040_000, bidMultiplierDown: 99_900_000,
            askMultiplierUp: 100_100_000, askMultiplierDown: 99_960_000, averagePriceMinutes: 1)
        ethbtc.filters.marketLotSize = LotSizeFilter(minQuantity: 100_000, maxQuantity: 5_000_000, stepSize: 200_000)
        ethbtc.filters.maxNumOrders = 3
        ethbtc.filters.icebergPartsLimit = 4
        ethbtc.allowedSelfTradePreventionModes.remove(.expireBoth)
        ethbtc.defaultSelfTradePreventionMode = .expireTaker
        return Array(TestMarkets.setupCommands.prefix(3)) + [.listMarket(btcusdt), .listMarket(ethusdt), .listMarket(ethbtc)]
    }
}
