import SolventCore

/// One price level of a book side: the price and the total quantity resting there.
public struct DepthLevel: Sendable, Hashable {
    public var price: Price
    public var quantity: Quantity

    public init(price: Price, quantity: Quantity) {
        self.price = price
        self.quantity = quantity
    }
}

/// The answer to `GET /api/v3/depth` (spec §3.2, §5.5): levels as `["price","qty"]` pairs, bids
/// best (highest) first, asks best (lowest) first.
public enum DepthJSON {
    public static func render(lastUpdateId: Int64, bids: [DepthLevel], asks: [DepthLevel],
                              market: MarketNames) -> [UInt8] {
        assert(zip(bids, bids.dropFirst()).allSatisfy { $0.price > $1.price }, "bids must run best first")
        assert(zip(asks, asks.dropFirst()).allSatisfy { $0.price < $1.price }, "asks must run best first")
        var writer = JSONWriter(capacity: 64 + (bids.count + asks.count) * 48)
        writer.beginObject()
        writer.field("lastUpdateId", lastUpdateId)
        writer.key("bids")
        writeLevels(bids, market: market, to: &writer)
        writer.key("asks")
        writeLevels(asks, market: market, to: &writer)
        writer.endObject()
        return writer.finish()
    }

    /// `[["price","qty"],…]`; also the `b`/`a` arrays of depth streams.
    public static func writeLevels(_ levels: [DepthLevel], market: MarketNames, to writer: inout JSONWriter) {
        writer.beginArray()
        for level in levels {
            writer.beginArray()
            writer.decimal(level.price, scale: market.priceScale)
            writer.decimal(level.quantity, scale: market.baseScale)
            writer.endArray()
        }
        writer.endArray()
    }
}
