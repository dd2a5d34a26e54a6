import GRDB
import SolventCore

extension SQLiteHistoryStore {
    /// Exact to the millisecond at a bounded cost: the whole minutes inside the window come from
    /// the stored 1-minute bars (1,440 rows for 24 h), the partial minutes at either edge from the
    /// trades themselves (at most two minutes of them).
    public func rollingStats(market: MarketId, now: Timestamp, window: Int64) throws -> RollingStats? {
        precondition(window > 0, "a rolling window has a positive length")
        let start = now - window
        let minute = KlineInterval.oneMinute
        // Whole minutes: from the first that starts at or after `start` to the last that ends by `now`.
        let wholeStart = minute.openTime(containing: start + KlineInterval.minuteMs - 1)
        let wholeEnd = minute.openTime(containing: now + 1)
        return try database.read { db in
            var total = RollingTotal()
            if wholeStart < wholeEnd {
                try total.add(tradesBucket(db, market, from: start, through: wholeStart - 1))
                try total.add(minuteBuckets(db, market, from: wholeStart, through: wholeEnd - 1))
                try total.add(tradesBucket(db, market, from: wholeEnd, through: now))
            } else {
                try total.add(tradesBucket(db, market, from: start, through: now))
            }
            guard let bucket = total.bucket else { return nil }
            let lastQuantity = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT quantity FROM trades WHERE market = ? AND id = ?"),
                arguments: [market, bucket.lastTradeId])
            let previousClose = try Int64.fetchOne(
                db.cachedStatement(sql: """
                    SELECT price FROM trades WHERE market = ? AND id < ? ORDER BY id DESC LIMIT 1
                    """),
                arguments: [market, bucket.firstTradeId])
            guard let lastQuantity else { throw HistoryStoreError.corruptRow(table: "trades", key: bucket.lastTradeId) }
            return RollingStats(
                openTime: start, closeTime: now, openPrice: bucket.open, highPrice: bucket.high, lowPrice: bucket.low,
                lastPrice: bucket.close, lastQuantity: lastQuantity, volume: bucket.volume,
                quoteVolume: bucket.quoteVolume, tradeCount: bucket.tradeCount, firstTradeId: bucket.firstTradeId,
                lastTradeId: bucket.lastTradeId, previousClose: previousClose)
        }
    }

    /// The trades of `from...through` summed into one bucket, `nil` if there were none.
    private func tradesBucket(_ db: Database, _ market: MarketId, from: Timestamp,
                              through: Timestamp) throws -> KlineBucket? {
        guard from <= through else { return nil }
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT \(TradeRows.columns) FROM trades WHERE market = ? AND time >= ? AND time <= ? ORDER BY id
                """),
            arguments: [market, from, through])
        var total = RollingTotal()
        while let row = try cursor.next() {
            let trade = try TradeRows.trade(row)
            total.add(KlineBucket(openTime: from, trade: trade))
        }
        return total.bucket
    }

    /// The stored 1-minute bars opened in `from...through`.
    private func minuteBuckets(_ db: Database, _ market: MarketId, from: Timestamp,
                               through: Timestamp) throws -> KlineBucket? {
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT \(KlineRows.bucketColumns) FROM klines
                WHERE market = ? AND interval = ? AND openTime >= ? AND openTime <= ? ORDER BY openTime
                """),
            arguments: [market, KlineInterval.oneMinute.storageCode, from, through])
        var total = RollingTotal()
        while let row = try cursor.next() { total.add(KlineRows.bucket(row)) }
        return total.bucket
    }
}

/// A sum of buckets that may still be empty.
private struct RollingTotal {
    var bucket: KlineBucket?

    mutating func add(_ part: KlineBucket?) {
        guard let part else { return }
        if bucket == nil { bucket = part } else { bucket!.absorb(part) }
    }
}
