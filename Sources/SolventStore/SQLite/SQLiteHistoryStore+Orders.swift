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
        // Newest first: a client id may be reused once its order is closed.
        return try database.read { db in
            try query.fetch(db, select: "id, encoded", from: "orders", order: ["id"], limit: 1,
                            decode: OrderRows.order).last
        }
    }

    public func orders(account: AccountId, market: MarketId, fromOrderId: OrderId?, startTime: Timestamp?,
                       endTime: Timestamp?, limit: Int) throws -> [Order] {
        var query = ListQuery()
        query.equal("account", account)
        query.equal("market", market)
        query.atLeast("id", fromOrderId)
        query.atLeast("createdAt", startTime)
        query.atMost("createdAt", endTime)
        // Ids are given in acceptance order at non-decreasing times, so (createdAt, id) order is
        // id order; naming the time first lets a time-bounded read walk `orders_by_time` unsorted.
        let order = fromOrderId == nil && (startTime != nil || endTime != nil) ? ["createdAt", "id"] : ["id"]
        return try database.read { db in
            try query.fetch(db, select: "id, encoded", from: "orders", order: order, limit: limit,
                            decode: OrderRows.order)
        }
    }

    public func accountTrades(account: AccountId, market: MarketId, orderId: OrderId?, fromId: TradeId?,
                              startTime: Timestamp?, endTime: Timestamp?, limit: Int) throws -> [AccountTrade] {
        var query = ListQuery()
        query.equal("account", account)
        query.equal("market", market)
        if let orderId { query.equal("orderId", orderId) }
        query.atLeast("tradeId", fromId)
        query.atLeast("time", startTime)
        query.atMost("time", endTime)
        // Trade ids grow with time within a market, so (time, tradeId) order is tradeId order;
        // a time-bounded read then walks `account_trades_by_time` without sorting.
        let byTime = orderId == nil && fromId == nil && (startTime != nil || endTime != nil)
        let order = byTime ? ["time", "tradeId", "orderId"] : ["tradeId", "orderId"]
        return try database.read { db in
            try query.fetch(db, select: AccountTradeRows.columns, from: "account_trades", order: order,
                            limit: limit, decode: AccountTradeRows.accountTrade)
        }
    }
}
