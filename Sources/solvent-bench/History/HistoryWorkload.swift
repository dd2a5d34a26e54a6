import ArgumentParser
import SolventCore
import SolventStore

/// The group commits a `bench-history` run records, made once by a real `Exchange` (untimed) so
/// the store sees exactly the events the server would hand it.
///
/// One market (BTCUSDT), `accounts` funded accounts taking turns, `commandsPerBatch` commands per
/// group commit at one millisecond per batch, and batches gathered into `record` calls of about
/// `ordersPerRecord` orders, as `HistoryProjector` gathers them under order flow.
struct HistoryWorkload {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        /// LIMIT IOC buys below the market, as `bench-http` sends: one order row each, no trades.
        case ioc
        /// Half the orders rest (GTC sells over five price levels), the other half cross them
        /// (GTC buys): every buy fills one sell, so fills, trades and klines are written too.
        case trading
    }

    struct Shape {
        var kind: Kind
        var orders: Int
        var accounts: Int
        var commandsPerBatch: Int
        var ordersPerRecord: Int
    }

    /// Listings, accounts and deposits: recorded before the clock starts.
    let setup: [HistoryBatch]
    /// The timed part, one element per `record` call.
    let records: [[HistoryBatch]]
    let orders: Int
    let trades: Int

    static let marketPrice = BenchMarket.price(ticks: 1_000)

    init(_ shape: Shape) {
        var builder = Builder()
        let accounts = builder.setup(accounts: shape.accounts)
        setup = builder.takeBatches()
        var records: [[HistoryBatch]] = []
        var placed = 0
        var trades = 0
        while placed < shape.orders {
            let count = min(shape.ordersPerRecord, shape.orders - placed)
            for start in stride(from: 0, to: count, by: shape.commandsPerBatch) {
                let commands = (placed + start..<placed + min(start + shape.commandsPerBatch, count)).map {
                    Self.command($0, shape.kind, accounts, clientOrderId: Self.clientOrderId($0, time: builder.time))
                }
                trades += builder.batch(commands).trades
            }
            records.append(builder.takeBatches())
            placed += count
        }
        self.records = records
        self.orders = placed
        self.trades = trades
    }

    /// Order `index` of the timed part.
    private static func command(_ index: Int, _ kind: Kind, _ accounts: [AccountId],
                                clientOrderId: ClientOrderId) -> Command {
        let account = accounts[index % accounts.count]
        let lots = BenchMarket.quantity(lots: 2)
        switch kind {
        case .ioc:
            return .placeOrder(.limit(account, 0, .buy, price: marketPrice - BenchMarket.price(ticks: 100),
                                      quantity: lots, timeInForce: .ioc, clientOrderId: clientOrderId))
        case .trading where index % 2 == 0:
            let ticks = Int64(index / 2 % 5)
            return .placeOrder(.limit(account, 0, .sell, price: marketPrice + BenchMarket.price(ticks: ticks),
                                      quantity: lots, clientOrderId: clientOrderId))
        case .trading:
            return .placeOrder(.limit(account, 0, .buy, price: marketPrice + BenchMarket.price(ticks: 4),
                                      quantity: lots, clientOrderId: clientOrderId))
        }
    }

    /// 22 characters that sort by time, like the ids the server makes up for orders sent without
    /// one (`GeneratedClientOrderIds`): the time in milliseconds, then the order's index.
    private static func clientOrderId(_ index: Int, time: Timestamp) -> ClientOrderId {
        let digits = String(index)
        return ClientOrderId(String(time) + String(repeating: "0", count: max(0, 9 - digits.count)) + digits)!
    }

    /// Applies commands to the exchange and cuts them into group commits.
    private struct Builder {
        var exchange = Exchange()
        private(set) var time = BenchMarket.startTime
        var nextSequence: UInt64 = 1
        var batches: [HistoryBatch] = []

        /// Lists BTC, USDT and BTCUSDT, opens and funds the accounts, and rests one sell at the
        /// market price, so the IOC buys are below the market.
        mutating func setup(accounts count: Int) -> [AccountId] {
            batch([.listAsset(AssetSpec(name: "BTC")), .listAsset(AssetSpec(name: "USDT")),
                   .listMarket(BenchMarket.spec(symbol: "BTCUSDT", base: 0, quote: 1))])
            var accounts: [AccountId] = []
            for _ in 0..<count {
                // An account's opening is its own batch, as the admin surface sends it.
                let events = batch([.openAccount(nil)]).events[0]
                guard case .accountOpened(let account, _) = events.first else { preconditionFailure("no account") }
                accounts.append(account)
                batch([.deposit(account, 0, BenchMarket.baseDeposit), .deposit(account, 1, BenchMarket.quoteDeposit)])
            }
            batch([.placeOrder(.limit(accounts[0], 0, .sell, price: marketPrice + BenchMarket.price(ticks: 1_000),
                                      quantity: BenchMarket.quantity(lots: 1)))])
            return accounts
        }

        /// One group commit of `commands` at the next millisecond.
        @discardableResult
        mutating func batch(_ commands: [Command]) -> (events: [ArraySlice<Event>], trades: Int) {
            var trades = 0
            let events = commands.map { command in
                let produced = apply(command)
                precondition(!produced.contains { if case .rejected = $0 { true } else { false } },
                             "the workload's \(command) was rejected: \(produced)")
                trades += produced.count { if case .trade = $0 { true } else { false } }
                return produced[...]
            }
            batches.append(HistoryBatch(firstSequence: nextSequence, time: time, commandEvents: events))
            nextSequence += UInt64(commands.count)
            time += 1
            return (events, trades)
        }

        private mutating func apply(_ command: Command) -> [Event] {
            var produced: [Event] = []
            exchange.apply(command, at: time, into: &produced)
            return produced
        }

        mutating func takeBatches() -> [HistoryBatch] {
            defer { batches = [] }
            return batches
        }
    }
}
