import SolventCore

/// Items of `GET /api/v3/trades` and `historicalTrades` (spec §3.2), from the core's public trade.
public enum TradeJSON {
    public static func renderList(_ trades: [Trade], market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + trades.count * 160)
        writer.beginArray()
        for trade in trades { write(trade, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ trade: Trade, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("id", trade.id)
        writer.decimalField("price", trade.price, scale: market.priceScale)
        writer.decimalField("qty", trade.quantity, scale: market.baseScale)
        writer.decimalField("quoteQty", trade.quote, scale: market.quoteScale)
        writer.field("time", trade.time)
        // The maker is the buyer exactly when the incoming order sold.
        writer.field("isBuyerMaker", trade.isBuyerMaker)
        writer.field("isBestMatch", true)
        writer.endObject()
    }
}

/// The answer to `GET /api/v3/aggTrades`, with Binance's one-letter keys.
public enum AggregateTradeJSON {
    public static func renderList(_ trades: [AggregateTrade], market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + trades.count * 128)
        writer.beginArray()
        for trade in trades { write(trade, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ trade: AggregateTrade, market: MarketNames, to writer: inout JSONWriter) {
        writer.object { writeFields(trade, market: market, to: &$0) }
    }

    /// The aggregate's keys, for this list and for the `@aggTrade` stream's payload alike.
    public static func writeFields(_ trade: AggregateTrade, market: MarketNames, to writer: inout JSONWriter) {
        writer.field("a", trade.id)
        writer.decimalField("p", trade.price, scale: market.priceScale)
        writer.decimalField("q", trade.quantity, scale: market.baseScale)
        writer.field("f", trade.firstTradeId)
        writer.field("l", trade.lastTradeId)
        writer.field("T", trade.time)
        writer.field("m", trade.isBuyerMaker)
        writer.field("M", true)
    }
}
