import GRDB
import SolventCore

/// Writes a projection inside `record`'s transaction. New rows are plain INSERTs: the sequence
/// check lets no command through twice, so a duplicate key is a bug and fails loudly.
///
/// Rows are bound through `BoundStatement`: this is the store's hot path (every order the
/// exchange accepts passes here), and GRDB's argument arrays cost more than the inserts.
struct HistoryWrites {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    func write(_ projection: BatchProjection) throws {
        // In id order: new orders then append to the table's last page, which SQLite fills and
        // starts afresh without rebalancing its neighbours.
        try writeOrders(projection.orderPositionsById().lazy.map { projection.orders[$0] })
        try writeOrderTimes(projection.firstOrderIds)
        try writeAccountTrades(projection.accountTrades)
        try writeTrades(projection.trades)
        try writeLedger(projection.ledger)
        if !projection.klines.isEmpty { try writeKlines(projection.klines.bars()) }
    }

    private func writeOrders(_ orders: some Collection<Order>) throws {
        guard !orders.isEmpty else { return }
        var writer = try OrderRowWriter(db)
        for order in orders { try writer.write(order) }
    }

    /// Keeps the smaller id when the millisecond already has a row: its first orders may have
    /// been recorded by the previous transaction.
    private func writeOrderTimes(_ firstIds: [BatchProjection.CreationTime: OrderId]) throws {
        guard !firstIds.isEmpty else { return }
        let statement = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO order_times (market, createdAt, firstId) VALUES (?, ?, ?)
            ON CONFLICT (market, createdAt) DO UPDATE SET firstId = min(firstId, excluded.firstId)
            """))
        for (time, firstId) in firstIds {
            statement.bind(1, Int64(time.market))
            statement.bind(2, time.createdAt)
            statement.bind(3, firstId)
            try statement.run()
        }
    }

    private func writeAccountTrades(_ rows: [AccountTrade]) throws {
        guard !rows.isEmpty else { return }
        let statement = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO account_trades (account, market, tradeId, orderId, price, quantity, quote, commission,
                commissionAsset, time, isBuyer, isMaker)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        for row in rows {
            statement.bind(1, Int64(row.account))
            statement.bind(2, Int64(row.market))
            statement.bind(3, row.tradeId)
            statement.bind(4, row.orderId)
            statement.bind(5, row.price)
            statement.bind(6, row.quantity)
            statement.bind(7, row.quote)
            statement.bind(8, row.commission)
            statement.bind(9, Int64(row.commissionAsset))
            statement.bind(10, row.time)
            statement.bind(11, row.isBuyer)
            statement.bind(12, row.isMaker)
            try statement.run()
        }
    }

    private func writeTrades(_ trades: [Trade]) throws {
        guard !trades.isEmpty else { return }
        let statement = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO trades (market, id, price, quantity, quote, buyerOrderId, sellerOrderId, buyerAccount,
                sellerAccount, takerSide, time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        for trade in trades {
            statement.bind(1, Int64(trade.market))
            statement.bind(2, trade.id)
            statement.bind(3, trade.price)
            statement.bind(4, trade.quantity)
            statement.bind(5, trade.quote)
            statement.bind(6, trade.buyerOrderId)
            statement.bind(7, trade.sellerOrderId)
            statement.bind(8, Int64(trade.buyerAccount))
            statement.bind(9, Int64(trade.sellerAccount))
            statement.bind(10, Int64(trade.takerSide.rawValue))
            statement.bind(11, trade.time)
            try statement.run()
        }
    }

    private func writeLedger(_ entries: [LedgerRecord]) throws {
        guard !entries.isEmpty else { return }
        let statement = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO ledger (sequence, kind, account, asset, amount, withdrawal, time)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """))
        for entry in entries {
            statement.bind(1, Int64(entry.sequence))
            statement.bind(2, Int64(entry.kind.rawValue))
            statement.bind(3, Int64(entry.account))
            statement.bind(4, Int64(entry.asset))
            statement.bind(5, entry.amount)
            statement.bind(6, entry.withdrawal)
            statement.bind(7, entry.time)
            try statement.run()
        }
    }

    /// Merges each bar with what is stored for it: read, absorb, replace. At most 16 rows per
    /// market per second of trades (see `KlineProjection`), so GRDB's arguments cost little here,
    /// and the read costs less than an SQL upsert's arithmetic would risk: SQLite turns an
    /// overflowing integer `+` into a REAL.
    private func writeKlines(_ bars: [KlineProjection.Key: KlineBucket]) throws {
        let select = try db.cachedStatement(sql: """
            SELECT \(KlineRows.bucketColumns) FROM klines WHERE market = ? AND interval = ? AND openTime = ?
            """)
        let replace = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO klines (market, interval, \(KlineRows.bucketColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (key, part) in bars {
            var bar = part
            let keyArguments: StatementArguments = [key.market, key.interval.storageCode, key.openTime]
            if let row = try Row.fetchOne(select, arguments: keyArguments) {
                bar = KlineRows.bucket(row)
                bar.absorb(part)
            }
            try replace.execute(arguments: [
                key.market, key.interval.storageCode, bar.openTime, bar.open, bar.high, bar.low, bar.close,
                bar.volume, bar.quoteVolume, bar.tradeCount, bar.takerBuyBase, bar.takerBuyQuote,
                bar.firstTradeId, bar.lastTradeId,
            ])
        }
    }
}
