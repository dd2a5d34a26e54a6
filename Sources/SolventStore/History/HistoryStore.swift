import SolventCore

/// The query side of the exchange: orders, trades, klines and ledger entries projected from the
/// core's events, behind one protocol so that SQLite (here) and PostgreSQL (its own target, later)
/// serve the same API.
///
/// The journal is the record; a store is a cache of it that can always be rebuilt by recording
/// the journal's batches again. `record` is called from one thread, in sequence order; the
/// queries may be called from any number of tasks at once.
///
/// Every list query takes a `limit` (callers pass the API's 500 default / 1000 maximum); a limit
/// of 0 or less returns nothing and one above `historyQueryLimitMax` is cut to it. Lists come
/// oldest → newest. Without a lower bound (`from…Id` or `startTime`) a list holds the *newest*
/// `limit` items (up to `endTime` if given); with one, the oldest `limit` from that bound.
public protocol HistoryStore: Sendable {
    /// Projects consecutive group commits in one transaction (a projector that fell behind
    /// catches up with one commit instead of one per batch). Commands at or below
    /// `lastSequence()` are skipped, so replaying the journal over a store that already has part
    /// of it is safe; a batch that starts after the sequence recorded before it throws
    /// `HistoryStoreError.sequenceGap`, and then none of the batches is recorded.
    func record(_ batches: [HistoryBatch]) throws

    /// The sequence of the last command recorded; 0 for an empty store.
    func lastSequence() throws -> UInt64

    /// The latest state of an order, open or closed (`GET /api/v3/order`). With both ids the order
    /// must match both; with only a client id, the newest order that used it. `nil` when nothing
    /// matches (`-2013`) or neither id is given.
    func order(account: AccountId, market: MarketId, orderId: OrderId?,
               clientOrderId: ClientOrderId?) throws -> Order?

    /// `GET /api/v3/allOrders`: every status, filtered by `id ≥ fromOrderId` and by creation time
    /// (`Order.createdAt`, the `time` field) within `startTime...endTime`.
    func orders(account: AccountId, market: MarketId, fromOrderId: OrderId?, startTime: Timestamp?,
                endTime: Timestamp?, limit: Int) throws -> [Order]

    /// `GET /api/v3/myTrades`: one row per fill of the account's orders, ordered by trade id,
    /// filtered by `orderId`, `tradeId ≥ fromId` and `time` within `startTime...endTime`.
    func accountTrades(account: AccountId, market: MarketId, orderId: OrderId?, fromId: TradeId?,
                       startTime: Timestamp?, endTime: Timestamp?, limit: Int) throws -> [AccountTrade]

    /// `GET /api/v3/trades` (no `fromId`: the newest `limit`) and `historicalTrades` (from `fromId`).
    func trades(market: MarketId, fromId: TradeId?, limit: Int) throws -> [Trade]

    /// Trades by time (`aggTrades` with `startTime` / `endTime`, both inclusive), in id order.
    func trades(market: MarketId, startTime: Timestamp?, endTime: Timestamp?, limit: Int) throws -> [Trade]

    /// `GET /api/v3/klines` for bars whose open time is within `startTime...endTime`. Bars exist
    /// where trades were, plus gap bars (previous close, zero volume) between two of those in the
    /// answer, so a chart is continuous from the first bar returned to the last.
    func klines(market: MarketId, interval: KlineInterval, startTime: Timestamp?, endTime: Timestamp?,
                limit: Int) throws -> [Kline]

    /// The trades of `now − window ... now` (`GET /api/v3/ticker/24hr` with `window` = 24 h);
    /// `nil` when nothing traded in it. Exact to the millisecond.
    func rollingStats(market: MarketId, now: Timestamp, window: Int64) throws -> RollingStats?

    /// Deposits and withdrawal steps of an account, optionally of one asset, with `time` within
    /// `startTime...endTime`, in the order they happened.
    func ledgerEntries(account: AccountId, asset: AssetId?, startTime: Timestamp?, endTime: Timestamp?,
                       limit: Int) throws -> [LedgerRecord]

    /// The same entries a page at a time for the auditor's export, each with its row in the store
    /// (they happened in row order): those from row `fromRow` on, oldest first.
    func ledgerRows(account: AccountId, fromRow: Int64, startTime: Timestamp?, endTime: Timestamp?,
                    limit: Int) throws -> [(row: Int64, record: LedgerRecord)]
}

/// The largest `limit` a history query honours: every answer has a stated bound.
public let historyQueryLimitMax = 5_000

extension HistoryStore {
    /// Projects one group commit in one transaction (the rules of `record(_: [HistoryBatch])`).
    public func record(_ batch: HistoryBatch) throws {
        try record([batch])
    }

    /// The newest `limit` deposits and withdrawal steps of an account, oldest first.
    public func ledgerEntries(account: AccountId, limit: Int) throws -> [LedgerRecord] {
        try ledgerEntries(account: account, asset: nil, startTime: nil, endTime: nil, limit: limit)
    }
}
