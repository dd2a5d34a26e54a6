import SolventCore

/// The answer to `DELETE /api/v3/order` (and each element of `DELETE /api/v3/openOrders`):
/// the order after the cancel, where `origClientOrderId` is the order's client id and
/// `clientOrderId` the cancel's own (spec §3.3).
public enum CancelJSON {
    public static func render(_ canceled: CanceledOrder, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter()
        write(canceled, market: market, to: &writer)
        return writer.finish()
    }

    /// The array `DELETE /api/v3/openOrders` answers with.
    public static func renderList(_ canceled: [CanceledOrder], market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + canceled.count * 500)
        writer.beginArray()
        for each in canceled { write(each, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ canceled: CanceledOrder, market: MarketNames, to writer: inout JSONWriter) {
        let order = canceled.order
        writer.beginObject()
        writer.field("symbol", market.symbol)
        writer.field("origClientOrderId", order.clientOrderId.description)
        writer.field("orderId", order.id)
        writer.orderListIdField()
        writer.field("clientOrderId", canceled.cancelClientOrderId.description)
        writer.field("transactTime", canceled.transactTime)
        writer.decimalField("price", order.price, scale: market.priceScale)
        writer.decimalField("origQty", order.quantity, scale: market.baseScale)
        writer.decimalField("executedQty", order.executedQuantity, scale: market.baseScale)
        writer.decimalField("origQuoteOrderQty", order.quoteOrderQuantity, scale: market.quoteScale)
        writer.decimalField("cummulativeQuoteQty", order.cumulativeQuote, scale: market.quoteScale)
        writer.field("status", order.status.wireName)
        writer.field("timeInForce", order.timeInForce.wireName)
        writer.field("type", order.type.wireName)
        writer.field("side", order.side.wireName)
        writer.field("selfTradePreventionMode", order.selfTradePreventionMode.wireName)
        writer.orderConditionalFields(order, preventedMatchId: nil, market: market, stopAndIcebergAlwaysShown: false)
        writer.endObject()
    }
}
