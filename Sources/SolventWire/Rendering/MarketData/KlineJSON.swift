import SolventCore

/// The answer to `GET /api/v3/klines` (spec §3.2): an array of 12-element arrays,
/// `[openTime, "open", "high", "low", "close", "volume", closeTime, "quoteVolume", trades,
/// "takerBuyBase", "takerBuyQuote", "0"]`.
public enum KlineJSON {
    public static func renderList(_ klines: [Kline], market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + klines.count * 200)
        writer.beginArray()
        for kline in klines { write(kline, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ kline: Kline, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginArray()
        writer.int(kline.openTime)
        writer.decimal(kline.open, scale: market.priceScale)
        writer.decimal(kline.high, scale: market.priceScale)
        writer.decimal(kline.low, scale: market.priceScale)
        writer.decimal(kline.close, scale: market.priceScale)
        writer.decimal(kline.volume, scale: market.baseScale)
        writer.int(kline.closeTime)
        writer.decimal(kline.quoteVolume, scale: market.quoteScale)
        writer.int(kline.trades)
        writer.decimal(kline.takerBuyBase, scale: market.baseScale)
        writer.decimal(kline.takerBuyQuote, scale: market.quoteScale)
        // The twelfth element is an unused field Binance sends as "0".
        writer.string("0")
        writer.endArray()
    }
}

/// The answer to `GET /api/v3/avgPrice` (spec §3.2).
public enum AveragePriceJSON {
    public static func render(minutes: Int, price: Price, closeTime: Timestamp, market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 96)
        writer.beginObject()
        writer.field("mins", Int64(minutes))
        writer.decimalField("price", price, scale: market.priceScale)
        writer.field("closeTime", closeTime)
        writer.endObject()
        return writer.finish()
    }
}
