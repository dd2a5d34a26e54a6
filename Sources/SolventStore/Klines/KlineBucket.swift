import SolventCore

/// The running totals of one bar as the store keeps them: a `Kline` plus the ids of its first and
/// last trade, which decide open and close when two partial buckets of one bar are merged, and
/// give the 24 h ticker its `firstId` / `lastId`.
struct KlineBucket: Hashable, Sendable {
    var openTime: Timestamp
    var open: Price
    var high: Price
    var low: Price
    var close: Price
    var volume: Quantity
    var quoteVolume: QuoteAmount
    var tradeCount: Int64
    var takerBuyBase: Quantity
    var takerBuyQuote: QuoteAmount
    var firstTradeId: TradeId
    var lastTradeId: TradeId

    /// The bucket of one trade.
    init(openTime: Timestamp, trade: Trade) {
        let takerBought = trade.takerSide == .buy
        self.openTime = openTime
        open = trade.price
        high = trade.price
        low = trade.price
        close = trade.price
        volume = trade.quantity
        quoteVolume = trade.quote
        tradeCount = 1
        takerBuyBase = takerBought ? trade.quantity : 0
        takerBuyQuote = takerBought ? trade.quote : 0
        firstTradeId = trade.id
        lastTradeId = trade.id
    }

    init(openTime: Timestamp, open: Price, high: Price, low: Price, close: Price, volume: Quantity,
         quoteVolume: QuoteAmount, tradeCount: Int64, takerBuyBase: Quantity, takerBuyQuote: QuoteAmount,
         firstTradeId: TradeId, lastTradeId: TradeId) {
        self.openTime = openTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.quoteVolume = quoteVolume
        self.tradeCount = tradeCount
        self.takerBuyBase = takerBuyBase
        self.takerBuyQuote = takerBuyQuote
        self.firstTradeId = firstTradeId
        self.lastTradeId = lastTradeId
    }

    /// Adds another part of the same market's trades. Trade ids increase with time within a
    /// market, so whichever part holds the lower first id opens and the higher last id closes,
    /// whatever order the parts arrive in.
    mutating func absorb(_ other: KlineBucket) {
        assert(other.tradeCount > 0 && tradeCount > 0, "an empty bucket is never stored")
        if other.firstTradeId < firstTradeId {
            open = other.open
            firstTradeId = other.firstTradeId
        }
        if other.lastTradeId > lastTradeId {
            close = other.close
            lastTradeId = other.lastTradeId
        }
        high = max(high, other.high)
        low = min(low, other.low)
        volume = saturatingSum(volume, other.volume)
        quoteVolume = saturatingSum(quoteVolume, other.quoteVolume)
        tradeCount += other.tradeCount
        takerBuyBase = saturatingSum(takerBuyBase, other.takerBuyBase)
        takerBuyQuote = saturatingSum(takerBuyQuote, other.takerBuyQuote)
    }

    func kline(_ interval: KlineInterval) -> Kline {
        Kline(openTime: openTime, closeTime: interval.closeTime(ofBarOpenedAt: openTime), open: open, high: high,
              low: low, close: close, volume: volume, quoteVolume: quoteVolume, trades: tradeCount,
              takerBuyBase: takerBuyBase, takerBuyQuote: takerBuyQuote)
    }
}

/// `a + b` for non-negative sums, held at `Int64.max` instead of trapping: a volume total too big
/// to show must not stop the projection (the journal, not this sum, is the record).
func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
    assert(a >= 0 && b >= 0, "volumes are never negative")
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
}
