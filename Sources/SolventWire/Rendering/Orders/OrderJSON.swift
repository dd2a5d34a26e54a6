import SolventCore

/// The order object of `GET /api/v3/order`, `openOrders` and `allOrders` (spec §3.4). Unlike the
/// placement response it always shows `stopPrice` and `icebergQty`, and has `time`, `updateTime`
/// and `isWorking`.
public enum OrderJSON {
    public static func render(_ order: Order, preventedMatchId: Int64? = nil, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter()
        write(order, preventedMatchId: preventedMatchId, market: market, to: &writer)
        return writer.finish()
    }

    /// A JSON array of order objects, all of one market.
    public static func renderList(_ orders: [Order], market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + orders.count * 600)
        writer.beginArray()
        for order in orders { write(order, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    /// A JSON array of order objects of several markets, each market's orders in turn.
    public static func renderList(byMarket lists: [(orders: [Order], market: MarketNames)]) -> [UInt8] {
        var writer = JSONWriter(capacity: 1_024)
        writer.beginArray()
        for (orders, market) in lists {
            for order in orders { write(order, market: market, to: &writer) }
        }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ order: Order, preventedMatchId: Int64? = nil, market: MarketNames,
                             to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("symbol", market.symbol)
        writer.field("orderId", order.id)
        writer.orderListIdField()
        writer.field("clientOrderId", order.clientOrderId.description)
        writer.decimalField("price", order.price, scale: market.priceScale)
        writer.decimalField("origQty", order.quantity, scale: market.baseScale)
        writer.decimalField("executedQty", order.executedQuantity, scale: market.baseScale)
        writer.decimalField("cummulativeQuoteQty", order.cumulativeQuote, scale: market.quoteScale)
        writer.field("status", order.status.wireName)
        writer.field("timeInForce", order.timeInForce.wireName)
        writer.field("type", order.type.wireName)
        writer.field("side", order.side.wireName)
        writer.decimalField("stopPrice", order.stopPrice, scale: market.priceScale)
        writer.decimalField("icebergQty", order.icebergQuantity, scale: market.baseScale)
        writer.field("time", order.createdAt)
        writer.field("updateTime", order.updatedAt)
        // Working = on the book or done there; an untriggered stop never was (spec §4.2).
        writer.field("isWorking", !order.isPendingTrigger)
        writer.field("workingTime", order.workingTime)
        writer.decimalField("origQuoteOrderQty", order.quoteOrderQuantity, scale: market.quoteScale)
        writer.field("selfTradePreventionMode", order.selfTradePreventionMode.wireName)
        writer.orderConditionalFields(order, preventedMatchId: preventedMatchId, market: market,
                                      stopAndIcebergAlwaysShown: true)
        writer.endObject()
    }
}
