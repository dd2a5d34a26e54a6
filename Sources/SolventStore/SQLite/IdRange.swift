import GRDB
import SolventCore

/// Time bounds as id bounds, for rows whose ids grow with time within a market: the sequencer's
/// time never decreases and ids are given in sequence order, so "at or after t" is "id at or
/// after the first id at or after t", and "at or before t" is "id before the first id after t".
/// A list query then reads one range of its table's key instead of needing a time index of
/// its own.
enum IdRange {
    /// The first order id of a market created at or after a time (`order_times`).
    static let orderIds = """
        SELECT firstId FROM order_times WHERE market = ? AND createdAt >= ? ORDER BY createdAt LIMIT 1
        """
    /// The first trade id of a market at or after a time (`trades_by_time`).
    static let tradeIds = "SELECT id FROM trades WHERE market = ? AND time >= ? ORDER BY time, id LIMIT 1"

    /// Adds the id bounds of `startTime...endTime` on `column` to `query`. `false` when nothing
    /// can match: no id at or after `startTime`.
    static func bound(_ query: inout ListQuery, _ column: String, _ db: Database, _ firstIdSQL: String,
                      market: MarketId, startTime: Timestamp?, endTime: Timestamp?) throws -> Bool {
        if let startTime {
            guard let first = try firstId(db, firstIdSQL, market, startTime) else { return false }
            query.atLeast(column, first)
        }
        if let endTime, endTime < .max, let after = try firstId(db, firstIdSQL, market, endTime + 1) {
            query.atMost(column, after - 1)
        }
        return true
    }

    private static func firstId(_ db: Database, _ sql: String, _ market: MarketId, _ time: Timestamp) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: [market, time])
    }
}
