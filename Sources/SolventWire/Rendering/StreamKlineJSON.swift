import SolventCore

/// `<symbol>@kline_<interval>` (spec §5.4): the bar being built, or the bar just closed.
public enum StreamKlineJSON {
    /// `{"e":"kline","E","s","k":{"t","T","s","i","f","L","o","c","h","l","v","n","x","q","V","Q","B":"0"}}`;
    /// `f`/`L` are -1 while the bar has no trades.
    public static func kline(_ bar: Kline, interval: String, firstTradeId: TradeId, lastTradeId: TradeId,
                             isClosed: Bool, eventTime: Timestamp, market: MarketNames) -> [UInt8] {
        let price = market.priceScale, base = market.baseScale
        var writer = JSONWriter(capacity: 384)
        writer.object { writer in
            writer.field("e", "kline")
            writer.field("E", eventTime)
            writer.field("s", market.symbol)
            writer.key("k")
            writer.object { writer in
                writer.field("t", bar.openTime)
                writer.field("T", bar.closeTime)
                writer.field("s", market.symbol)
                writer.field("i", interval)
                writer.field("f", firstTradeId)
                writer.field("L", lastTradeId)
                writer.decimalField("o", bar.open, scale: price)
                writer.decimalField("c", bar.close, scale: price)
                writer.decimalField("h", bar.high, scale: price)
                writer.decimalField("l", bar.low, scale: price)
                writer.decimalField("v", bar.volume, scale: base)
                writer.field("n", bar.trades)
                writer.field("x", isClosed)
                writer.decimalField("q", bar.quoteVolume, scale: market.quoteScale)
                writer.decimalField("V", bar.takerBuyBase, scale: base)
                writer.decimalField("Q", bar.takerBuyQuote, scale: market.quoteScale)
                writer.field("B", "0")
            }
        }
        return writer.finish()
    }
}
