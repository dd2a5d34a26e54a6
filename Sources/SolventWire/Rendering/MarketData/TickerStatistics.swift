import SolventCore

/// A market's rolling-window statistics (24 h for `ticker/24hr`), as integers in market units.
public struct TickerStatistics: Sendable, Hashable {
    public var openPrice: Price
    public var highPrice: Price
    public var lowPrice: Price
    public var lastPrice: Price
    public var lastQuantity: Quantity
    /// Last price before the window opened (`prevClosePrice`).
    public var previousClosePrice: Price
    public var volume: Quantity
    public var quoteVolume: QuoteAmount
    public var openTime: Timestamp
    public var closeTime: Timestamp
    /// First and last trade id in the window; -1 when it has no trades.
    public var firstTradeId: TradeId
    public var lastTradeId: TradeId
    public var tradeCount: Int64
    /// Best bid and ask now; `nil` for an empty side.
    public var bestBid: DepthLevel?
    public var bestAsk: DepthLevel?

    public init(openPrice: Price = 0, highPrice: Price = 0, lowPrice: Price = 0, lastPrice: Price = 0,
                lastQuantity: Quantity = 0, previousClosePrice: Price = 0, volume: Quantity = 0,
                quoteVolume: QuoteAmount = 0, openTime: Timestamp, closeTime: Timestamp,
                firstTradeId: TradeId = -1, lastTradeId: TradeId = -1, tradeCount: Int64 = 0,
                bestBid: DepthLevel? = nil, bestAsk: DepthLevel? = nil) {
        self.openPrice = openPrice
        self.highPrice = highPrice
        self.lowPrice = lowPrice
        self.lastPrice = lastPrice
        self.lastQuantity = lastQuantity
        self.previousClosePrice = previousClosePrice
        self.volume = volume
        self.quoteVolume = quoteVolume
        self.openTime = openTime
        self.closeTime = closeTime
        self.firstTradeId = firstTradeId
        self.lastTradeId = lastTradeId
        self.tradeCount = tradeCount
        self.bestBid = bestBid
        self.bestAsk = bestAsk
    }

    /// `priceChange`: last − open, negative when the price fell.
    public var priceChange: Price { lastPrice - openPrice }

    /// `priceChangePercent` in thousandths of a percent (3 decimals), rounded half away from
    /// zero; 0 when there is no open price to compare with.
    public var priceChangePerMille: Int64 {
        guard openPrice > 0 else { return 0 }
        return Self.roundedQuotient(Int128(priceChange) * 100_000, Int128(openPrice))
    }

    /// `weightedAvgPrice`: quote volume ÷ base volume, in price units, rounded half up;
    /// 0 with no volume.
    public func weightedAveragePrice(baseScale: Scale) -> Price {
        guard volume > 0 else { return 0 }
        return Self.roundedQuotient(Int128(quoteVolume) * Int128(unitsPerWhole(baseScale)), Int128(volume))
    }

    /// `numerator / denominator` rounded half away from zero, clamped to `Int64`.
    static func roundedQuotient(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        precondition(denominator > 0, "rounded quotient needs a positive denominator")
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let bump: Int128 = remainder.magnitude * 2 >= denominator.magnitude ? (numerator < 0 ? -1 : 1) : 0
        return Int64(clamping: quotient + bump)
    }
}
