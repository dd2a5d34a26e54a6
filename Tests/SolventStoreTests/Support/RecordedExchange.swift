import SolventCore
import SolventStore
import SolventTestSupport

/// A real `Exchange` whose commands are applied in batches and recorded into a history store,
/// as the sequencer's commit hook does: every command of a batch shares the batch's time and
/// takes the next sequence number. Keeps every batch, so tests can record them again.
struct RecordedExchange {
    var exchange = Exchange()
    let store: any HistoryStore
    private(set) var batches: [HistoryBatch] = []
    private(set) var nextSequence: UInt64 = 1
    /// Every event so far, in order: the oracle the store's answers are checked against.
    private(set) var events: [Event] = []
    /// Accounts opened by `openAccounts`.
    private(set) var accounts: [AccountId] = []

    init(store: any HistoryStore) {
        self.store = store
    }

    /// A store in memory with the fixture markets listed and `accounts` funded accounts, at
    /// `time` (one batch for the listings, one for the accounts).
    static func funded(accounts: Int = 3, at time: Timestamp = Fixtures.newYear2024 - Fixtures.day,
                       store: (any HistoryStore)? = nil) throws -> RecordedExchange {
        var recorded = RecordedExchange(store: try store ?? SQLiteHistoryStore(inMemory: ()))
        try recorded.batch(at: time, TestMarkets.setupCommands)
        try recorded.openAccounts(accounts, funding: 1_000_000 * TestMarkets.one, at: time)
        return recorded
    }

    /// Applies `commands` as one batch stamped `time`, records it, and returns each command's events.
    @discardableResult
    mutating func batch(at time: Timestamp, _ commands: [Command]) throws -> [[Event]] {
        var perCommand: [[Event]] = []
        for command in commands {
            var produced: [Event] = []
            exchange.apply(command, at: time, into: &produced)
            let problems = exchange.invariantViolations()
            precondition(problems.isEmpty, "invariants broken after \(command): \(problems)")
            perCommand.append(produced)
            events += produced
        }
        let batch = HistoryBatch(firstSequence: nextSequence, time: time, commandEvents: perCommand.map { $0[...] })
        try store.record(batch)
        batches.append(batch)
        nextSequence += UInt64(commands.count)
        return perCommand
    }

    /// One command in a batch of its own.
    @discardableResult
    mutating func run(_ command: Command, at time: Timestamp) throws -> [Event] {
        try batch(at: time, [command])[0]
    }

    mutating func openAccounts(_ count: Int, funding: Int64, at time: Timestamp) throws {
        for _ in 0..<count {
            let opened = try run(.openAccount(nil), at: time)
            guard case .accountOpened(let account, _) = opened.first else { preconditionFailure("no account opened") }
            accounts.append(account)
            try batch(at: time, (0..<3).map { .deposit(account, AssetId($0), funding) })
        }
    }

    /// `maker` rests a limit order, `taker` crosses it completely: one trade of `quantity` at
    /// `price` in one batch at `time`. Returns the trade and both orders' ids.
    @discardableResult
    mutating func trade(_ market: MarketId = TestMarkets.btcusdt, maker: AccountId, taker: AccountId, takerSide: Side,
                        price: Price, quantity: Quantity, at time: Timestamp) throws -> (trade: Trade, maker: OrderId, taker: OrderId) {
        let results = try batch(at: time, [
            .placeOrder(.limit(maker, market, takerSide.opposite, price: price, quantity: quantity)),
            .placeOrder(.limit(taker, market, takerSide, price: price, quantity: quantity)),
        ])
        let trades = results[1].trades
        precondition(trades.count == 1, "expected one trade, got \(results[1])")
        return (trades[0], results[0].newOrderId!, results[1].newOrderId!)
    }
}

extension Sequence<Event> {
    var orderEvents: [OrderEvent] { compactMap { if case .order(let e) = $0 { e } else { nil } } }
    var trades: [Trade] { compactMap { if case .trade(let t) = $0 { t } else { nil } } }
    var ledgerEntries: [LedgerEntry] { compactMap { if case .ledger(let l) = $0 { l } else { nil } } }
    var rejections: [RejectReason] { compactMap { if case .rejected(let r) = $0 { r.reason } else { nil } } }
    /// The id the command's NEW event gave its order.
    var newOrderId: OrderId? { orderEvents.first { $0.execution == .new }?.order.id }
    /// The last state each order reached, by id.
    var latestOrders: [OrderId: Order] {
        var latest: [OrderId: Order] = [:]
        for event in orderEvents { latest[event.order.id] = event.order }
        return latest
    }
}
