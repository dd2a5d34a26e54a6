/// One candlestick (the history store keeps them, the API and the streams render them): the trades of one market in `openTime...closeTime` (spec §3.2's 12-element
/// array, less the constant "0"). A bar without trades (a gap between two traded bars) has
/// open = high = low = close = the previous bar's close, and zero volume and trades.
public struct Kline: Hashable, Sendable {
    public var openTime: Timestamp
    /// The next bar's open time − 1 ms.
    public var closeTime: Timestamp
    public var open: Price
    public var high: Price
    public var low: Price
    public var close: Price
    /// Σ base quantity. Sums saturate at `Int64.max` rather than wrap: that is 92 billion whole
    /// units at scale 8 within one bar, beyond any market this exchange lists.
    public var volume: Quantity
    /// Σ quote amount; saturates like `volume`.
    public var quoteVolume: QuoteAmount
    public var trades: Int64
    /// Σ base quantity of the trades whose taker bought.
    public var takerBuyBase: Quantity
    /// Σ quote amount of the trades whose taker bought.
    public var takerBuyQuote: QuoteAmount

    public init(openTime: Timestamp, closeTime: Timestamp, open: Price, high: Price, low: Price, close: Price,
                volume: Quantity = 0, quoteVolume: QuoteAmount = 0, trades: Int64 = 0, takerBuyBase: Quantity = 0,
                takerBuyQuote: QuoteAmount = 0) {
        self.openTime = openTime
        self.closeTime = closeTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.quoteVolume = quoteVolume
        self.trades = trades
        self.takerBuyBase = takerBuyBase
        self.takerBuyQuote = takerBuyQuote
    }
}
