import GRDB
import SolventCore
@testable import SolventStore
import Testing
import SolventTestSupport

/// A database written by an older version of the store opens in the new one with every answer
/// unchanged.
@Suite("Schema migrations")
struct SchemaMigrationTests {
    /// A history.v1 database holding every row a random session made: the rows come from a
    /// store that recorded the session, copied table by table into a database migrated only
    /// to v1 (whose tables have the same columns).
    private func version1Database(at path: String, copying source: String) throws {
        let queue = try DatabaseQueue(path: path)
        try HistorySchema.migrator.migrate(queue, upTo: "history.v1")
        try queue.inDatabase { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            try db.inTransaction {
                try db.execute(sql: """
                    INSERT INTO main.orders (id, account, market, clientOrderId, status, createdAt, updatedAt, encoded)
                        SELECT id, account, market, clientOrderId, status, createdAt, updatedAt, encoded FROM source.orders;
                    INSERT INTO main.trades SELECT * FROM source.trades;
                    INSERT INTO main.account_trades SELECT * FROM source.account_trades;
                    INSERT INTO main.klines SELECT * FROM source.klines;
                    INSERT INTO main.ledger SELECT * FROM source.ledger;
                    UPDATE main.progress SET (lastSequence, lastTime) = (SELECT lastSequence, lastTime FROM source.progress);
                    """)
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE source")
        }
    }

    @Test func aVersion1DatabaseReadsBackTheSameAfterMigrating() throws {
        let directory = try TemporaryDirectory()
        let session = RandomSession(seed: 71, commands: 1_500)
        let sourcePath = directory.path + "/source.sqlite"
        var source: SQLiteHistoryStore? = try SQLiteHistoryStore(path: sourcePath)
        try session.recordAll(into: source!)
        let expected = try StoreAnswers(source!, accounts: RandomSession.accounts, now: session.lastTime)
        let expectedByTime = try timeBoundedAnswers(source!, session)
        source = nil

        let path = directory.path + "/history.sqlite"
        try version1Database(at: path, copying: sourcePath)
        let migrated = try SQLiteHistoryStore(path: path)
        #expect(try migrated.lastSequence() == UInt64(session.commandEvents.count))
        #expect(try StoreAnswers(migrated, accounts: RandomSession.accounts, now: session.lastTime) == expected)
        #expect(try timeBoundedAnswers(migrated, session) == expectedByTime)
        let ordersMade = expected.orders.contains { !$0.isEmpty }
        #expect(ordersMade, "the session made orders")
        for account in RandomSession.accounts {
            for order in session.events.latestOrders.values where order.account == account {
                #expect(try migrated.order(account: account, market: order.market, orderId: order.id,
                                           clientOrderId: order.clientOrderId) == order)
            }
        }
        // The migrated store goes on recording where the old one stopped.
        let more = RandomSession(seed: 71, commands: 1_700)
        try more.recordAll(into: migrated)
        let reference = try SQLiteHistoryStore(inMemory: ())
        try more.recordAll(into: reference)
        #expect(try StoreAnswers(migrated, accounts: RandomSession.accounts, now: more.lastTime)
                == StoreAnswers(reference, accounts: RandomSession.accounts, now: more.lastTime))
    }

    @Test func version2IndexesOrdersByAccountAndByClientIdOnly() throws {
        let queue = try DatabaseQueue()
        try HistorySchema.migrator.migrate(queue)
        try queue.read { db in
            let indexes = try String.fetchAll(db, sql: """
                SELECT name || ' ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('orders', 'account_trades')
                AND sql IS NOT NULL ORDER BY name
                """)
            #expect(indexes == [
                "account_trades_by_order CREATE INDEX account_trades_by_order ON account_trades (account, market, orderId, tradeId)",
                "orders_by_account CREATE INDEX orders_by_account ON orders (account, market, id)",
                "orders_by_client_id CREATE INDEX orders_by_client_id ON orders (clientOrderId, account, market)",
            ])
        }
    }

    /// Each order read is one index range, never a scan or a sort: the reads `order` and
    /// `orders` / `accountTrades` make, as `ListQuery` and `IdRange` write them, with the index
    /// each must search.
    static let plannedReads: [(sql: String, index: String)] = [
        ("SELECT id, encoded FROM orders INDEXED BY orders_by_client_id WHERE account = ? AND market = ? AND clientOrderId = ? ORDER BY id DESC LIMIT ?",
         "orders_by_client_id"),
        ("SELECT id, encoded FROM orders WHERE account = ? AND market = ? AND id = ? AND clientOrderId = ? ORDER BY id DESC LIMIT ?",
         "INTEGER PRIMARY KEY (rowid=?)"),
        ("SELECT id, encoded FROM orders WHERE account = ? AND market = ? AND id >= ? AND id <= ? AND createdAt >= ? AND createdAt <= ? ORDER BY id ASC LIMIT ?",
         "orders_by_account (account=? AND market=? AND id>? AND id<?)"),
        ("SELECT id, encoded FROM orders WHERE account = ? AND market = ? AND id <= ? AND createdAt <= ? ORDER BY id DESC LIMIT ?",
         "orders_by_account (account=? AND market=? AND id<?)"),
        (IdRange.orderIds, "PRIMARY KEY"),
        (IdRange.tradeIds, "trades_by_time"),
        ("SELECT \(AccountTradeRows.columns) FROM account_trades WHERE account = ? AND market = ? AND tradeId >= ? AND tradeId <= ? AND time >= ? AND time <= ? ORDER BY tradeId ASC, orderId ASC LIMIT ?",
         "PRIMARY KEY"),
    ]

    @Test(arguments: 0..<plannedReads.count)
    func orderAndTradeReadsSearchOneIndexWithoutSorting(read: Int) throws {
        let (sql, index) = Self.plannedReads[read]
        let store = try RecordedExchange.funded(accounts: 2, store: SQLiteHistoryStore(inMemory: ())).store
        let database = try #require(store as? SQLiteHistoryStore).database
        let plan = try database.read { db in
            let arguments = StatementArguments(Array(repeating: 1 as Int64, count: sql.count { $0 == "?" }))
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
        #expect(plan.count == 1 && plan[0].hasPrefix("SEARCH") && plan[0].contains(index), "\(plan)")
    }

    /// allOrders and myTrades over a few windows of every account and market.
    private func timeBoundedAnswers(_ store: SQLiteHistoryStore, _ session: RandomSession) throws -> [[Int64]] {
        let times = session.times
        let windows: [(Timestamp?, Timestamp?)] = [
            (times[times.count / 3], nil), (nil, times[times.count / 2]),
            (times[times.count / 4], times[3 * times.count / 4]), (times[10] + 1, times[10] + 1),
        ]
        var answers: [[Int64]] = []
        for account in RandomSession.accounts {
            for market in [TestMarkets.btcusdt, TestMarkets.ethusdt, TestMarkets.ethbtc] {
                for (start, end) in windows {
                    answers.append(try store.orders(account: account, market: market, fromOrderId: nil, startTime: start,
                                                    endTime: end, limit: 5_000).map(\.id))
                    answers.append(try store.accountTrades(account: account, market: market, orderId: nil, fromId: nil,
                                                           startTime: start, endTime: end, limit: 5_000).map(\.tradeId))
                }
            }
        }
        return answers
    }
}
