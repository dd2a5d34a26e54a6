import SolventCore

/// The real-time trade streams (spec §5.4): `<symbol>@trade` and `<symbol>@aggTrade`.
public enum StreamTradeJSON {
    /// `{"e":"trade","E","s","t","p","q","T","m","M":true}`.
    public static func trade(_ trade: Trade, eventTime: Timestamp, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 192)
        writer.object { writer in
            writer.field("e", "trade")
            writer.field("E", eventTime)
            writer.field("s", market.symbol)
            writer.field("t", trade.id)
            writer.decimalField("p", trade.price, scale: market.priceScale)
            writer.decimalField("q", trade.quantity, scale: market.baseScale)
            writer.field("T", trade.time)
            writer.field("m", trade.isBuyerMaker)
            writer.field("M", true)
        }
        return writer.finish()
    }

    /// `{"e":"aggTrade","E","s","a","p","q","f","l","T","m","M":true}`: the same aggregate, with
    /// the same keys, as `GET /api/v3/aggTrades` reports.
    public static func aggregateTrade(_ trade: AggregateTrade, eventTime: Timestamp, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 224)
        writer.object { writer in
            writer.field("e", "aggTrade")
            writer.field("E", eventTime)
            writer.field("s", market.symbol)
            AggregateTradeJSON.writeFields(trade, market: market, to: &writer)
        }
        return writer.finish()
    }
}
