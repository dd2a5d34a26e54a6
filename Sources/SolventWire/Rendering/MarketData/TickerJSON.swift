import SolventCore

/// The ticker endpoints of spec §3.2: `ticker/24hr` (FULL and MINI), `ticker/price` and
/// `ticker/bookTicker`. Each answers an object for `symbol` and an array otherwise.
public enum TickerJSON {
    /// Scale of `priceChangePercent` ("-1.234").
    static let percentScale: Scale = 3

    public static func render(_ statistics: TickerStatistics, type: TickerType = .full, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 768)
        write(statistics, type: type, market: market, to: &writer)
        return writer.finish()
    }

    public static func renderList(_ entries: [(TickerStatistics, MarketNames)], type: TickerType = .full) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + entries.count * 768)
        writer.beginArray()
        for (statistics, market) in entries { write(statistics, type: type, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ statistics: TickerStatistics, type: TickerType, market: MarketNames,
                             to writer: inout JSONWriter) {
        let s = statistics, price = market.priceScale, base = market.baseScale
        writer.beginObject()
        writer.field("symbol", market.symbol)
        if type == .full {
            writer.decimalField("priceChange", s.priceChange, scale: price)
            writer.decimalField("priceChangePercent", s.priceChangePerMille, scale: percentScale)
            writer.decimalField("weightedAvgPrice", s.weightedAveragePrice(baseScale: base), scale: price)
            writer.decimalField("prevClosePrice", s.previousClosePrice, scale: price)
            writer.decimalField("lastPrice", s.lastPrice, scale: price)
            writer.decimalField("lastQty", s.lastQuantity, scale: base)
            writer.decimalField("bidPrice", s.bestBid?.price ?? 0, scale: price)
            writer.decimalField("bidQty", s.bestBid?.quantity ?? 0, scale: base)
            writer.decimalField("askPrice", s.bestAsk?.price ?? 0, scale: price)
            writer.decimalField("askQty", s.bestAsk?.quantity ?? 0, scale: base)
        }
        writer.decimalField("openPrice", s.openPrice, scale: price)
        writer.decimalField("highPrice", s.highPrice, scale: price)
        writer.decimalField("lowPrice", s.lowPrice, scale: price)
        if type == .mini { writer.decimalField("lastPrice", s.lastPrice, scale: price) }
        writer.decimalField("volume", s.volume, scale: base)
        writer.decimalField("quoteVolume", s.quoteVolume, scale: market.quoteScale)
        writer.field("openTime", s.openTime)
        writer.field("closeTime", s.closeTime)
        writer.field("firstId", s.firstTradeId)
        writer.field("lastId", s.lastTradeId)
        writer.field("count", s.tradeCount)
        writer.endObject()
    }
}

/// `GET /api/v3/ticker/price`: `{"symbol","price"}`.
public enum PriceTickerJSON {
    public static func render(price: Price, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        write(price: price, market: market, to: &writer)
        return writer.finish()
    }

    public static func renderList(_ entries: [(Price, MarketNames)]) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + entries.count * 64)
        writer.beginArray()
        for (price, market) in entries { write(price: price, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(price: Price, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("symbol", market.symbol)
        writer.decimalField("price", price, scale: market.priceScale)
        writer.endObject()
    }
}

/// `GET /api/v3/ticker/bookTicker`: best bid and ask; an empty side shows zeros, as on Binance.
public enum BookTickerJSON {
    public static func render(bid: DepthLevel?, ask: DepthLevel?, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 160)
        write(bid: bid, ask: ask, market: market, to: &writer)
        return writer.finish()
    }

    public static func renderList(_ entries: [(bid: DepthLevel?, ask: DepthLevel?, market: MarketNames)]) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + entries.count * 160)
        writer.beginArray()
        for entry in entries { write(bid: entry.bid, ask: entry.ask, market: entry.market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(bid: DepthLevel?, ask: DepthLevel?, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("symbol", market.symbol)
        writer.decimalField("bidPrice", bid?.price ?? 0, scale: market.priceScale)
        writer.decimalField("bidQty", bid?.quantity ?? 0, scale: market.baseScale)
        writer.decimalField("askPrice", ask?.price ?? 0, scale: market.priceScale)
        writer.decimalField("askQty", ask?.quantity ?? 0, scale: market.baseScale)
        writer.endObject()
    }
}
