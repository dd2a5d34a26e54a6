import GRDB
import SolventCore

extension SQLiteHistoryStore {
    public func trades(market: MarketId, fromId: TradeId?, limit: Int) throws -> [Trade] {
        var query = ListQuery()
        query.equal("market", market)
        query.atLeast("id", fromId)
        return try database.read { db in
            try query.fetch(db, select: TradeRows.columns, from: "trades", order: ["id"], limit: limit,
                            decode: TradeRows.trade)
        }
    }

    public func trades(market: MarketId, startTime: Timestamp?, endTime: Timestamp?,
                       limit: Int) throws -> [Trade] {
        var query = ListQuery()
        query.equal("market", market)
        query.atLeast("time", startTime)
        query.atMost("time", endTime)
        // Time never decreases as ids grow, so id order is time order and `trades_by_time`
        // (whose rows end with the primary key) serves the ordering.
        return try database.read { db in
            try query.fetch(db, select: TradeRows.columns, from: "trades", order: ["time", "id"], limit: limit,
                            decode: TradeRows.trade)
        }
    }

    public func ledgerEntries(account: AccountId, asset: AssetId?, startTime: Timestamp?, endTime: Timestamp?,
                              limit: Int) throws -> [LedgerRecord] {
        var query = ListQuery()
        query.equal("account", account)
        if let asset { query.equal("asset", asset) }
        query.atLeast("time", startTime)
        query.atMost("time", endTime)
        return try database.read { db in
            try query.fetch(db, select: LedgerRows.columns, from: "ledger", order: ["id"], limit: limit,
                            decode: LedgerRows.record)
        }
    }

    public func ledgerRows(account: AccountId, fromRow: Int64, startTime: Timestamp?, endTime: Timestamp?,
                           limit: Int) throws -> [(row: Int64, record: LedgerRecord)] {
        var query = ListQuery()
        query.equal("account", account)
        query.atLeast("id", fromRow)
        query.atLeast("time", startTime)
        query.atMost("time", endTime)
        return try database.read { db in
            try query.fetch(db, select: LedgerRows.columns, from: "ledger", order: ["id"], limit: limit) { row in
                (row: row[0], record: try LedgerRows.record(row))
            }
        }
    }
}
