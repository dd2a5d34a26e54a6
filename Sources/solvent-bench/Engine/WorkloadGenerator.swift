import SolventCommandLine
import SolventCore

/// Builds a workload the way exchange-core does: by running every generated command through an
/// engine and reading its events, so the generator always knows which orders are live, their ids
/// and what is left of them. The recorded commands are then replayed on fresh engines for timing.
enum WorkloadGenerator {
    static func generate(_ shape: WorkloadShape, progress: (String) -> Void = { _ in }) -> Workload {
        let started = MonotonicClock.nanoseconds()
        var random = SeededRandom(seed: shape.seed)
        let pool = AccountPool(accounts: shape.accounts, usersPerSymbol: shape.usersPerSymbol)
        let listing = BenchListing(shape)

        var setup = listing.commands(pool: pool)
        var exchange = Exchange()
        var events: [Event] = []
        events.reserveCapacity(256)
        var time = BenchMarket.startTime
        for command in setup {
            exchange.apply(command, at: time, into: &events)
            if case .rejected(let rejection)? = events.first(where: { if case .rejected = $0 { true } else { false } }) {
                fatalError("setup command \(command) was rejected: \(rejection)")
            }
            events.removeAll(keepingCapacity: true)
        }
        var stats = WorkloadStats()
        stats.setupCommands = setup.count
        progress("setup: \(setup.count) commands (listings, \(shape.accounts) accounts, deposits)")

        var sessions = (0..<shape.symbols).map { symbol in
            var symbolRandom = SeededRandom(seed: shape.seed, stream: UInt64(symbol) + 1)
            let prices = PriceModel.random(using: &symbolRandom)
            return SymbolSession(symbol: symbol, market: listing.market(symbol), prices: prices, pool: pool,
                                 targetOrders: shape.restingPerSymbol, random: symbolRandom)
        }
        stats.startTicks = sessions[0].prices.startTicks
        stats.deviationTicks = sessions[0].prices.deviationTicks

        // Prefill: each symbol's GTC orders, untimed, as part of the setup.
        for symbol in sessions.indices {
            for _ in 0..<shape.restingPerSymbol {
                let (command, kind) = sessions[symbol].nextPrefill()
                time += 1
                exchange.apply(command, at: time, into: &events)
                let outcome = sessions[symbol].absorb(events, kind: kind)
                precondition(outcome.rejections.isEmpty, "prefill \(command) was rejected: \(outcome.rejections)")
                events.removeAll(keepingCapacity: true)
                setup.append(command)
            }
        }
        stats.prefillOrders = shape.symbols * shape.restingPerSymbol
        progress("prefill: \(stats.prefillOrders) GTC orders")

        let weights = SymbolWeights(count: shape.symbols, using: &random)
        var perSymbol = [Int](repeating: 0, count: shape.symbols)
        var mix = [Int](repeating: 0, count: CommandKind.allCases.count)
        var commands: [Command] = []
        commands.reserveCapacity(shape.commands)
        for index in 0..<shape.commands {
            let symbol = shape.symbols == 1 ? 0 : weights.pick(using: &random)
            let (command, kind) = sessions[symbol].nextCommand()
            time += 1
            exchange.apply(command, at: time, into: &events)
            let outcome = sessions[symbol].absorb(events, kind: kind)
            events.removeAll(keepingCapacity: true)
            commands.append(command)
            perSymbol[symbol] += 1
            mix[kind.rawValue] += 1
            stats.fills += outcome.fills
            if outcome.fills > 0 { stats.tradingCommands += 1 }
            for rejection in outcome.rejections {
                stats.rejections["\(rejection.reason) (\(rejection.stage))", default: 0] += 1
                if stats.rejectionExamples.count < 5 {
                    stats.rejectionExamples.append("#\(index) \(kind.label): \(command) → \(rejection)")
                }
            }
            if (index + 1) % 1_000_000 == 0 { progress("generated \(index + 1) commands") }
        }
        for kind in CommandKind.allCases { stats.mix[kind.label] = mix[kind.rawValue] }
        stats.busiestSymbolShare = Double(perSymbol.max() ?? 0) / Double(max(shape.commands, 1))
        stats.idleSymbols = perSymbol.filter { $0 == 0 }.count

        let book = BookSummary(exchange, markets: shape.symbols)
        for session in sessions {
            precondition(session.live.count(.buy) == book.resting(session.market, .buy)
                         && session.live.count(.sell) == book.resting(session.market, .sell),
                         "generator lost track of symbol \(session.symbol)'s orders: it believes "
                         + "\(session.live.count(.buy))/\(session.live.count(.sell)), the book has "
                         + "\(book.resting(session.market, .buy))/\(book.resting(session.market, .sell))")
        }
        stats.restingOrders = book.restingOrders
        stats.bidLevels = book.bidLevels
        stats.askLevels = book.askLevels
        stats.finalBookDigest = book.digest
        stats.generationSeconds = Double(MonotonicClock.nanoseconds() - started) / 1e9
        return Workload(shape: shape, setup: setup, commands: commands, stats: stats)
    }
}

/// The listings, accounts and deposits every benchmark exchange starts from.
struct BenchListing: Sendable {
    let shape: WorkloadShape

    init(_ shape: WorkloadShape) { self.shape = shape }

    /// Single: BASE (asset 0) / QUOTE (asset 1). Multi: QUOTE is asset 0, symbol s trades asset s + 1.
    func baseAsset(_ symbol: Int) -> AssetId { shape.symbols == 1 ? 0 : AssetId(symbol + 1) }
    var quoteAsset: AssetId { shape.symbols == 1 ? 1 : 0 }
    func market(_ symbol: Int) -> MarketId { MarketId(symbol) }

    func commands(pool: AccountPool) -> [Command] {
        var commands: [Command] = []
        let scale = BenchMarket.assetScale
        if shape.symbols == 1 {
            commands.append(.listAsset(AssetSpec(name: "BASE", scale: scale)))
            commands.append(.listAsset(AssetSpec(name: "QUOTE", scale: scale)))
            commands.append(.listMarket(BenchMarket.spec(symbol: "BASEQUOTE", base: 0, quote: 1)))
        } else {
            commands.append(.listAsset(AssetSpec(name: "QUOTE", scale: scale)))
            for symbol in 0..<shape.symbols {
                commands.append(.listAsset(AssetSpec(name: Self.baseName(symbol), scale: scale)))
            }
            for symbol in 0..<shape.symbols {
                commands.append(.listMarket(BenchMarket.spec(symbol: Self.baseName(symbol) + "QUOTE",
                                                             base: baseAsset(symbol), quote: quoteAsset)))
            }
        }
        for _ in 0..<shape.accounts { commands.append(.openAccount(nil)) }
        for account in 1...shape.accounts {
            commands.append(.deposit(AccountId(account), quoteAsset, BenchMarket.quoteDeposit))
        }
        for symbol in 0..<shape.symbols {
            for user in 0..<shape.usersPerSymbol {
                commands.append(.deposit(pool.account(symbol: symbol, user: user), baseAsset(symbol),
                                         BenchMarket.baseDeposit))
            }
        }
        return commands
    }

    static func baseName(_ symbol: Int) -> String {
        let digits = String(symbol + 1)
        return "B" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
