import GRDB

extension HistorySchema {
    /// Fewer index entries per order and per fill, for the same queries at the same speed.
    ///
    /// `orders` is keyed by what every order query names: `(account, market, id)`, in a
    /// WITHOUT ROWID table, so that key is the table itself rather than an index beside a rowid
    /// table. The client id index leads with the client id: a lookup names all three columns, so
    /// it is one seek either way, but ids the server makes up sort by time, and then new entries
    /// land on the index's one rightmost page instead of on one page per active account (its
    /// entries end with the key, so "newest with this client id" reads one entry). The
    /// per-account time index goes: order ids are given in sequence
    /// order and the sequencer's time never decreases, so a creation-time range is an id range,
    /// found in `order_times` (one row per market per millisecond in which orders were created),
    /// then read through the key. Likewise `account_trades_by_time` goes: trade ids grow with
    /// time within a market, and `trades_by_time` turns a time range into a trade id range.
    static func migrateToVersion2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE orders_v2 (
                account INTEGER NOT NULL,
                market INTEGER NOT NULL,
                id INTEGER NOT NULL,
                clientOrderId TEXT NOT NULL,
                status INTEGER NOT NULL,
                createdAt INTEGER NOT NULL,
                updatedAt INTEGER NOT NULL,
                encoded BLOB NOT NULL,
                PRIMARY KEY (account, market, id)) WITHOUT ROWID;
            INSERT INTO orders_v2 (account, market, id, clientOrderId, status, createdAt, updatedAt, encoded)
                SELECT account, market, id, clientOrderId, status, createdAt, updatedAt, encoded FROM orders
                ORDER BY account, market, id;
            DROP TABLE orders;
            ALTER TABLE orders_v2 RENAME TO orders;
            CREATE INDEX orders_by_client_id ON orders (clientOrderId, account, market);
            """)
        // For each market and each millisecond in which it got new orders, the first order id
        // created then: orders created at or after t are exactly those with id ≥ the `firstId`
        // of the first row at or after t.
        try db.execute(sql: """
            CREATE TABLE order_times (
                market INTEGER NOT NULL,
                createdAt INTEGER NOT NULL,
                firstId INTEGER NOT NULL,
                PRIMARY KEY (market, createdAt)) WITHOUT ROWID;
            INSERT INTO order_times (market, createdAt, firstId)
                SELECT market, createdAt, MIN(id) FROM orders GROUP BY market, createdAt;
            DROP INDEX account_trades_by_time;
            """)
    }
}
