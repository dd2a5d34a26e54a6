import SolventCore

/// What `GET /api/v3/ticker/24hr` (and the rolling-window ticker) reports about the trades of one
/// market in `openTime...closeTime`. Only sums are kept: `weightedAvgPrice` is
/// `quoteVolume × 10^baseScale / volume` and `priceChange` is `lastPrice − openPrice`, left to
/// the caller, which knows the scales and how to round.
public struct RollingStats: Hashable, Sendable {
    /// The window's start (`now − window`) and end (`now`), both inclusive.
    public var openTime: Timestamp
    public var closeTime: Timestamp
    /// Price of the first trade in the window.
    public var openPrice: Price
    public var highPrice: Price
    public var lowPrice: Price
    public var lastPrice: Price
    public var lastQuantity: Quantity
    /// Σ base quantity; saturates at `Int64.max` (see `Kline.volume`).
    public var volume: Quantity
    /// Σ quote amount; saturates at `Int64.max`.
    public var quoteVolume: QuoteAmount
    public var tradeCount: Int64
    public var firstTradeId: TradeId
    public var lastTradeId: TradeId
    /// Price of the last trade before the window (`prevClosePrice`), `nil` when there was none.
    public var previousClose: Price?

    public init(openTime: Timestamp, closeTime: Timestamp, openPrice: Price, highPrice: Price, lowPrice: Price,
                lastPrice: Price, lastQuantity: Quantity, volume: Quantity, quoteVolume: QuoteAmount,
                tradeCount: Int64, firstTradeId: TradeId, lastTradeId: TradeId, previousClose: Price?) {
        self.openTime = openTime
        self.closeTime = closeTime
        self.openPrice = openPrice
        self.highPrice = highPrice
        self.lowPrice = lowPrice
        self.lastPrice = lastPrice
        self.lastQuantity = lastQuantity
        self.volume = volume
        self.quoteVolume = quoteVolume
        self.tradeCount = tradeCount
        self.firstTradeId = firstTradeId
        self.lastTradeId = lastTradeId
        self.previousClose = previousClose
    }
}
