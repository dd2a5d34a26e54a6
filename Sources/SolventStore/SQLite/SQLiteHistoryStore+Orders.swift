import GRDB
import SolventCore

extension SQLiteHistoryStore {
    public func order(account: AccountId, market: MarketId, orderId: OrderId?,
                      clientOrderId: ClientOrderId?) throws -> Order? {
        let clientOrderId = clientOrderId.flatMap { $0.isEmpty ? nil : $0.description }
        guard orderId != nil || clientOrderId != nil else { return nil }
        var query = ListQuery()
        query.equal("account", account)
        query.equal("market", market)
        if let orderId { query.equal("id", orderId) }
        if let clientOrderId { query.equal("clientOrderId", clientOrderId) }
        // By client id alone, the index is named: without statistics SQLite would rather walk
        // the account's orders newest first through the key (no second lookup per row) than
        // seek the client id, which is one entry however many orders the account has.
        let table = orderId == nil ? "orders INDEXED BY orders_by_client_id" : "orders"
        // Newest first: a client id may be reused once its order is closed.
        return try database.read { db in
            try query.fetch(db, select: "id, encoded", from: table, order: ["id"], limit: 1,
                            decode: OrderRows.order).last
        }
    }

    public func orders(account: AccountId, market: MarketId, fromOrderId: OrderId?, startTime: Timestamp?,
                       endTime: Timestamp?, limit: Int) throws -> [Order] {
        try database.read { db in
            var query = ListQuery()
            query.equal("account", account)
            query.equal("market", market)
            query.atLeast("id", fromOrderId)
            // A time range is an id range (see `order_times` in HistorySchema+Version2.swift), read
            // through `orders_by_account`; the time condition stays as a filter of the rows that
            // range holds.
            guard try IdRange.bound(&query, "id", db, IdRange.orderIds, market: market,
                                    startTime: startTime, endTime: endTime) else { return [] }
            query.atLeast("createdAt", startTime)
            query.atMost("createdAt", endTime)
            return try query.fetch(db, select: "id, encoded", from: "orders", order: ["id"], limit: limit,
                                   decode: OrderRows.order)
        }
    }

    public func accountTrades(account: AccountId, market: MarketId, orderId: OrderId?, fromId: TradeId?,
                              startTime: Timestamp?, endTime: Timestamp?, limit: Int) throws -> [AccountTrade] {
        try database.read { db in
            var query = ListQuery()
            query.equal("account", account)
            query.equal("market", market)
            if let orderId { query.equal("orderId", orderId) }
            query.atLeast("tradeId", fromId)
            // Trade ids grow with time within a market, so `trades_by_time` turns a time range
            // into a trade id range, read through the key.
            guard try IdRange.bound(&query, "tradeId", db, IdRange.tradeIds, market: market,
                                    startTime: startTime, endTime: endTime) else { return [] }
            query.atLeast("time", startTime)
            query.atMost("time", endTime)
            return try query.fetch(db, select: AccountTradeRows.columns, from: "account_trades",
                                   order: ["tradeId", "orderId"],
                                   limit: limit, decode: AccountTradeRows.accountTrade)
        }
    }
}
