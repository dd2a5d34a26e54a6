import SolventCore

/// The book streams (spec §5.4–5.5): diff depth, partial depth and the book ticker. Levels are
/// `["price","qty"]` pairs with absolute quantities; `"0.00000000"` removes a level.
public enum StreamDepthJSON {
    /// `{"e":"depthUpdate","E","s","U","u","b":[…],"a":[…]}`: the levels touched by updates
    /// `firstUpdateId...lastUpdateId`, each with its quantity after the last.
    public static func diff(firstUpdateId: Int64, lastUpdateId: Int64, bids: [DepthLevel], asks: [DepthLevel],
                            eventTime: Timestamp, market: MarketNames) -> [UInt8] {
        precondition(firstUpdateId <= lastUpdateId, "a diff covers at least one update id")
        var writer = JSONWriter(capacity: 128 + (bids.count + asks.count) * 40)
        writer.object { writer in
            writer.field("e", "depthUpdate")
            writer.field("E", eventTime)
            writer.field("s", market.symbol)
            writer.field("U", firstUpdateId)
            writer.field("u", lastUpdateId)
            writer.key("b")
            DepthJSON.writeLevels(bids, market: market, to: &writer)
            writer.key("a")
            DepthJSON.writeLevels(asks, market: market, to: &writer)
        }
        return writer.finish()
    }

    /// `{"lastUpdateId","bids":[…],"asks":[…]}`: the top levels; no symbol, as on Binance.
    public static func partial(lastUpdateId: Int64, bids: [DepthLevel], asks: [DepthLevel], market: MarketNames)
        -> [UInt8] {
        DepthJSON.render(lastUpdateId: lastUpdateId, bids: bids, asks: asks, market: market)
    }

    /// `{"u","s","b","B","a","A"}`: no `e` or `E` (ccxt recognises it by `a` and `b`); an empty
    /// side shows zeros.
    public static func bookTicker(updateId: Int64, bid: DepthLevel?, ask: DepthLevel?, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 160)
        writer.object { writer in
            writer.field("u", updateId)
            writer.field("s", market.symbol)
            writer.decimalField("b", bid?.price ?? 0, scale: market.priceScale)
            writer.decimalField("B", bid?.quantity ?? 0, scale: market.baseScale)
            writer.decimalField("a", ask?.price ?? 0, scale: market.priceScale)
            writer.decimalField("A", ask?.quantity ?? 0, scale: market.baseScale)
        }
        return writer.finish()
    }
}
