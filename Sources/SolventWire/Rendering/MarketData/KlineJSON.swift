import SolventCore

/// One candlestick bar of a market.
public struct Kline: Sendable, Hashable {
    public var openTime: Timestamp
    /// The bar's last millisecond: the next bar's open time − 1.
    public var closeTime: Timestamp
    public var open: Price
    public var high: Price
    public var low: Price
    public var close: Price
    /// Base volume.
    public var volume: Quantity
    public var quoteVolume: QuoteAmount
    public var tradeCount: Int64
    public var takerBuyBaseVolume: Quantity
    public var takerBuyQuoteVolume: QuoteAmount

    public init(openTime: Timestamp, closeTime: Timestamp, open: Price, high: Price, low: Price, close: Price,
                volume: Quantity = 0, quoteVolume: QuoteAmount = 0, tradeCount: Int64 = 0,
                takerBuyBaseVolume: Quantity = 0, takerBuyQuoteVolume: QuoteAmount = 0) {
        precondition(openTime <= closeTime, "a bar closes after it opens")
        self.openTime = openTime
        self.closeTime = closeTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.quoteVolume = quoteVolume
        self.tradeCount = tradeCount
        self.takerBuyBaseVolume = takerBuyBaseVolume
        self.takerBuyQuoteVolume = takerBuyQuoteVolume
    }
}

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
        writer.int(kline.tradeCount)
        writer.decimal(kline.takerBuyBaseVolume, scale: market.baseScale)
        writer.decimal(kline.takerBuyQuoteVolume, scale: market.quoteScale)
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
