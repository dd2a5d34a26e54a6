import SolventCore

/// The statistics streams (spec §5.4): `24hrTicker`, `24hrMiniTicker` and `avgPrice`.
public enum StreamTickerJSON {
    /// `{"e":"24hrTicker","E","s","p","P","w","x","c","Q","b","B","a","A","o","h","l","v","q","O","C","F","L","n"}`.
    public static func ticker(_ s: TickerStatistics, eventTime: Timestamp, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        write(s, eventTime: eventTime, market: market, to: &writer)
        return writer.finish()
    }

    public static func write(_ s: TickerStatistics, eventTime: Timestamp, market: MarketNames, to writer: inout JSONWriter) {
        let price = market.priceScale, base = market.baseScale
        writer.object { writer in
            writer.field("e", "24hrTicker")
            writer.field("E", eventTime)
            writer.field("s", market.symbol)
            writer.decimalField("p", s.priceChange, scale: price)
            writer.decimalField("P", s.priceChangePerMille, scale: TickerJSON.percentScale)
            writer.decimalField("w", s.weightedAveragePrice(baseScale: base), scale: price)
            writer.decimalField("x", s.previousClosePrice, scale: price)
            writer.decimalField("c", s.lastPrice, scale: price)
            writer.decimalField("Q", s.lastQuantity, scale: base)
            writer.decimalField("b", s.bestBid?.price ?? 0, scale: price)
            writer.decimalField("B", s.bestBid?.quantity ?? 0, scale: base)
            writer.decimalField("a", s.bestAsk?.price ?? 0, scale: price)
            writer.decimalField("A", s.bestAsk?.quantity ?? 0, scale: base)
            writer.decimalField("o", s.openPrice, scale: price)
            writer.decimalField("h", s.highPrice, scale: price)
            writer.decimalField("l", s.lowPrice, scale: price)
            writer.decimalField("v", s.volume, scale: base)
            writer.decimalField("q", s.quoteVolume, scale: market.quoteScale)
            writer.field("O", s.openTime)
            writer.field("C", s.closeTime)
            writer.field("F", s.firstTradeId)
            writer.field("L", s.lastTradeId)
            writer.field("n", s.tradeCount)
        }
    }

    /// `{"e":"24hrMiniTicker","E","s","c","o","h","l","v","q"}`.
    public static func miniTicker(_ s: TickerStatistics, eventTime: Timestamp, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writeMini(s, eventTime: eventTime, market: market, to: &writer)
        return writer.finish()
    }

    public static func writeMini(_ s: TickerStatistics, eventTime: Timestamp, market: MarketNames,
                                 to writer: inout JSONWriter) {
        let price = market.priceScale
        writer.object { writer in
            writer.field("e", "24hrMiniTicker")
            writer.field("E", eventTime)
            writer.field("s", market.symbol)
            writer.decimalField("c", s.lastPrice, scale: price)
            writer.decimalField("o", s.openPrice, scale: price)
            writer.decimalField("h", s.highPrice, scale: price)
            writer.decimalField("l", s.lowPrice, scale: price)
            writer.decimalField("v", s.volume, scale: market.baseScale)
            writer.decimalField("q", s.quoteVolume, scale: market.quoteScale)
        }
    }

    /// `[…]` of already rendered tickers (`!miniTicker@arr`, `!ticker@arr`).
    public static func array(_ items: [[UInt8]]) -> [UInt8] {
        var writer = JSONWriter(capacity: 2 + items.reduce(0) { $0 + $1.count + 1 })
        writer.array { writer in items.forEach { writer.raw($0) } }
        return writer.finish()
    }

    /// `{"e":"avgPrice","E","s","i":"5m","w","T"}`.
    public static func averagePrice(minutes: Int, price: Price, lastTradeTime: Timestamp, eventTime: Timestamp,
                                    market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.object { writer in
            writer.field("e", "avgPrice")
            writer.field("E", eventTime)
            writer.field("s", market.symbol)
            writer.field("i", "\(minutes)m")
            writer.decimalField("w", price, scale: market.priceScale)
            writer.field("T", lastTradeTime)
        }
        return writer.finish()
    }
}
