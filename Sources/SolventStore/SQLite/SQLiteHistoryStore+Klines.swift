import GRDB
import SolventCore

extension SQLiteHistoryStore {
    /// Every interval's bars are kept up to date by `record` (see `KlineProjection`), so this
    /// is one range read of at most `limit` rows of the primary key, plus the gaps filled in.
    public func klines(market: MarketId, interval: KlineInterval, startTime: Timestamp?, endTime: Timestamp?,
                       limit: Int) throws -> [Kline] {
        let barsMax = min(max(limit, 0), historyQueryLimitMax)
        var query = ListQuery()
        query.equal("market", market)
        query.equal("interval", interval.storageCode)
        query.atLeast("openTime", startTime)
        query.atMost("openTime", endTime)
        let traded = try database.read { db in
            try query.fetch(db, select: KlineRows.bucketColumns, from: "klines", order: ["openTime"],
                            limit: barsMax, decode: { KlineRows.bucket($0).kline(interval) })
        }
        return query.hasLowerBound
            ? KlineGaps.fillForward(traded, interval, limit: barsMax)
            : KlineGaps.fillBackward(traded, interval, limit: barsMax)
    }
}
