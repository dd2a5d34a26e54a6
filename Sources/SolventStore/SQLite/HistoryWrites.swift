import Foundation
import GRDB
import SolventCore

/// Writes one batch's projection inside `record`'s transaction. New rows are plain INSERTs: the
/// sequence check lets no command through twice, so a duplicate key is a bug and fails loudly.
struct HistoryWrites {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    func write(_ projection: BatchProjection) throws {
        try writeOrders(projection.orders.values)
        try writeAccountTrades(projection.accountTrades)
        try writeTrades(projection.trades)
        try writeLedger(projection.ledger)
        if !projection.klines.isEmpty { try writeKlines(projection.klines.bars()) }
    }

    private func writeOrders(_ orders: some Sequence<Order>) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO orders (id, account, market, clientOrderId, status, createdAt, updatedAt, encoded)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var writer = BinaryWriter(capacity: 256)
        for order in orders {
            writer.reset()
            writer.write(order)
            try statement.execute(arguments: [
                order.id, order.account, order.market, order.clientOrderId.description,
                order.status.rawValue, order.createdAt, order.updatedAt, Data(writer.bytes),
            ])
        }
    }

    private func writeAccountTrades(_ rows: [AccountTrade]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO account_trades (account, market, tradeId, orderId, price, quantity, quote, commission,
                commissionAsset, time, isBuyer, isMaker)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            try statement.execute(arguments: [
                row.account, row.market, row.tradeId, row.orderId, row.price, row.quantity, row.quote,
                row.commission, row.commissionAsset, row.time, row.isBuyer, row.isMaker,
            ])
        }
    }

    private func writeTrades(_ trades: [Trade]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO trades (market, id, price, quantity, quote, buyerOrderId, sellerOrderId, buyerAccount,
                sellerAccount, takerSide, time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for trade in trades {
            try statement.execute(arguments: [
                trade.market, trade.id, trade.price, trade.quantity, trade.quote, trade.buyerOrderId,
                trade.sellerOrderId, trade.buyerAccount, trade.sellerAccount, trade.takerSide.rawValue, trade.time,
            ])
        }
    }

    private func writeLedger(_ entries: [LedgerRecord]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO ledger (sequence, kind, account, asset, amount, withdrawal, time)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for entry in entries {
            try statement.execute(arguments: [
                Int64(entry.sequence), entry.kind.rawValue, entry.account, entry.asset, entry.amount,
                entry.withdrawal, entry.time,
            ])
        }
    }

    /// Merges each bar with what is stored for it: read, absorb, replace. At most 16 rows per
    /// market per batch (see `KlineProjection`), so the read costs less than an SQL upsert's
    /// arithmetic would risk: SQLite turns an overflowing integer `+` into a REAL.
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
