import SolventCore

/// The answer to `POST /api/v3/order` in its three sizes (spec §3.3): ACK, RESULT (ACK + the
/// order's state) and FULL (RESULT + `fills`). Never `code`, `positionSide` or `cumQuote`: ccxt
/// would take the order for rejected or for a futures order (spec §1.3).
public enum NewOrderJSON {
    public static func render(_ placed: PlacedOrder, as type: NewOrderResponseType, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter()
        write(placed, as: type, market: market, to: &writer)
        return writer.finish()
    }

    public static func write(_ placed: PlacedOrder, as type: NewOrderResponseType, market: MarketNames,
                             to writer: inout JSONWriter) {
        let order = placed.order
        writer.beginObject()
        writer.field("symbol", market.symbol)
        writer.field("orderId", order.id)
        writer.orderListIdField()
        writer.field("clientOrderId", order.clientOrderId.description)
        writer.field("transactTime", placed.transactTime)
        if type != .ack {
            writeResult(placed, market: market, to: &writer)
        }
        if type == .full {
            writer.key("fills")
            writer.beginArray()
            for fill in placed.fills { writeFill(fill, market: market, to: &writer) }
            writer.endArray()
        }
        writer.endObject()
    }

    private static func writeResult(_ placed: PlacedOrder, market: MarketNames, to writer: inout JSONWriter) {
        let order = placed.order
        writer.decimalField("price", order.price, scale: market.priceScale)
        writer.decimalField("origQty", order.quantity, scale: market.baseScale)
        writer.decimalField("executedQty", order.executedQuantity, scale: market.baseScale)
        writer.decimalField("origQuoteOrderQty", order.quoteOrderQuantity, scale: market.quoteScale)
        writer.decimalField("cummulativeQuoteQty", order.cumulativeQuote, scale: market.quoteScale)
        writer.field("status", order.status.wireName)
        writer.field("timeInForce", order.timeInForce.wireName)
        writer.field("type", order.type.wireName)
        writer.field("side", order.side.wireName)
        writer.field("workingTime", order.workingTime)
        writer.field("selfTradePreventionMode", order.selfTradePreventionMode.wireName)
        writer.orderConditionalFields(order, preventedMatchId: placed.preventedMatchId, market: market,
                                      stopAndIcebergAlwaysShown: false)
    }

    /// One entry of `fills[]`: commission in the asset the side received.
    static func writeFill(_ fill: Fill, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.decimalField("price", fill.price, scale: market.priceScale)
        writer.decimalField("qty", fill.quantity, scale: market.baseScale)
        writer.decimalField("commission", fill.commission, scale: market.scale(of: fill.commissionAsset))
        writer.field("commissionAsset", market.assetName(fill.commissionAsset))
        writer.field("tradeId", fill.tradeId)
        writer.endObject()
    }
}
