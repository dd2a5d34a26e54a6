import SolventCore

/// The answer to `GET /api/v3/myTrades` (spec §3.4).
public enum AccountTradeJSON {
    public static func renderList(_ trades: [AccountTrade], market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + trades.count * 320)
        writer.beginArray()
        for trade in trades { write(trade, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ trade: AccountTrade, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("symbol", market.symbol)
        writer.field("id", trade.tradeId)
        writer.field("orderId", trade.orderId)
        writer.orderListIdField()
        writer.decimalField("price", trade.price, scale: market.priceScale)
        writer.decimalField("qty", trade.quantity, scale: market.baseScale)
        writer.decimalField("quoteQty", trade.quote, scale: market.quoteScale)
        writer.decimalField("commission", trade.commission, scale: market.scale(of: trade.commissionAsset))
        writer.field("commissionAsset", market.assetName(trade.commissionAsset))
        writer.field("time", trade.time)
        writer.field("isBuyer", trade.isBuyer)
        writer.field("isMaker", trade.isMaker)
        writer.field("isBestMatch", true)
        writer.endObject()
    }
}
