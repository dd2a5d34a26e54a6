import GRDB

/// The history database's tables. Every query of `HistoryStore` reads one index range; the
/// comments name the query each index serves. Amounts are INTEGER (SQLite's 64-bit integer),
/// never REAL; enums are their core raw values.
///
/// Migrations only ever append: a released migration is never edited, a change is a new one.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("history.v1", migrate: createVersion1)
        migrator.registerMigration("history.v2", migrate: migrateToVersion2)
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        // The last command projected: `record` skips what is at or below it, in one transaction
        // with the rows it wrote, so the store is always at a command boundary.
        try db.execute(sql: """
            CREATE TABLE progress (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                lastSequence INTEGER NOT NULL,
                lastTime INTEGER NOT NULL);
            INSERT INTO progress (id, lastSequence, lastTime) VALUES (1, 0, 0);
            """)
        // The latest state of every order ever accepted: columns to search by, the whole order
        // in the core's binary format (OrderCoding.swift) to answer with.
        try db.execute(sql: """
            CREATE TABLE orders (
                id INTEGER PRIMARY KEY,
                account INTEGER NOT NULL,
                market INTEGER NOT NULL,
                clientOrderId TEXT NOT NULL,
                status INTEGER NOT NULL,
                createdAt INTEGER NOT NULL,
                updatedAt INTEGER NOT NULL,
                encoded BLOB NOT NULL);
            CREATE INDEX orders_by_account ON orders (account, market, id);
            CREATE INDEX orders_by_client_id ON orders (account, market, clientOrderId, id);
            CREATE INDEX orders_by_time ON orders (account, market, createdAt, id);
            """)
        // Public trades: `trades`, `historicalTrades` (by id), `aggTrades` (by time), ticker edges.
        try db.execute(sql: """
            CREATE TABLE trades (
                market INTEGER NOT NULL,
                id INTEGER NOT NULL,
                price INTEGER NOT NULL,
                quantity INTEGER NOT NULL,
                quote INTEGER NOT NULL,
                buyerOrderId INTEGER NOT NULL,
                sellerOrderId INTEGER NOT NULL,
                buyerAccount INTEGER NOT NULL,
                sellerAccount INTEGER NOT NULL,
                takerSide INTEGER NOT NULL,
                time INTEGER NOT NULL,
                PRIMARY KEY (market, id)) WITHOUT ROWID;
            CREATE INDEX trades_by_time ON trades (market, time);
            """)
        // One row per fill of an account's order (`myTrades`); a self-trade gives two rows that
        // differ in orderId.
        try db.execute(sql: """
            CREATE TABLE account_trades (
                account INTEGER NOT NULL,
                market INTEGER NOT NULL,
                tradeId INTEGER NOT NULL,
                orderId INTEGER NOT NULL,
                price INTEGER NOT NULL,
                quantity INTEGER NOT NULL,
                quote INTEGER NOT NULL,
                commission INTEGER NOT NULL,
                commissionAsset INTEGER NOT NULL,
                time INTEGER NOT NULL,
                isBuyer INTEGER NOT NULL,
                isMaker INTEGER NOT NULL,
                PRIMARY KEY (account, market, tradeId, orderId)) WITHOUT ROWID;
            CREATE INDEX account_trades_by_order ON account_trades (account, market, orderId, tradeId);
            CREATE INDEX account_trades_by_time ON account_trades (account, market, time);
            """)
        try createKlinesAndLedger(db)
    }

    private static func createKlinesAndLedger(_ db: Database) throws {
        // Every interval's bars, maintained by `record` (see `KlineProjection` in
        // BatchProjection.swift); `interval` is `KlineInterval.storageCode`. The ids of each
        // bar's first and last trade decide open and close when a bar is merged, and give the
        // ticker its firstId / lastId.
        try db.execute(sql: """
            CREATE TABLE klines (
                market INTEGER NOT NULL,
                interval INTEGER NOT NULL,
                openTime INTEGER NOT NULL,
                open INTEGER NOT NULL,
                high INTEGER NOT NULL,
                low INTEGER NOT NULL,
                close INTEGER NOT NULL,
                volume INTEGER NOT NULL,
                quoteVolume INTEGER NOT NULL,
                tradeCount INTEGER NOT NULL,
                takerBuyBase INTEGER NOT NULL,
                takerBuyQuote INTEGER NOT NULL,
                firstTradeId INTEGER NOT NULL,
                lastTradeId INTEGER NOT NULL,
                PRIMARY KEY (market, interval, openTime)) WITHOUT ROWID;
            """)
        // Deposits and withdrawal steps, in the order they happened (rowid order).
        try db.execute(sql: """
            CREATE TABLE ledger (
                id INTEGER PRIMARY KEY,
                sequence INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                account INTEGER NOT NULL,
                asset INTEGER NOT NULL,
                amount INTEGER NOT NULL,
                withdrawal INTEGER NOT NULL,
                time INTEGER NOT NULL);
            CREATE INDEX ledger_by_account ON ledger (account, id);
            CREATE INDEX ledger_by_asset ON ledger (account, asset, id);
            """)
    }
}
