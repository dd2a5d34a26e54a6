import SolventCore
import SolventStore
import SolventWire

extension TickerStatistics {
    /// A ticker from the store's rolling statistics over `window` ending `now` (nil: no trade in
    /// it) and the book's best levels: what REST `ticker/24hr` and the `@ticker` streams show.
    init(_ stats: RollingStats?, bestBid: DepthLevel?, bestAsk: DepthLevel?, now: Timestamp, window: Int64) {
        guard let stats else {
            self.init(openTime: now - window, closeTime: now, bestBid: bestBid, bestAsk: bestAsk)
            return
        }
        self.init(openPrice: stats.openPrice, highPrice: stats.highPrice, lowPrice: stats.lowPrice,
                  lastPrice: stats.lastPrice, lastQuantity: stats.lastQuantity,
                  previousClosePrice: stats.previousClose ?? 0, volume: stats.volume, quoteVolume: stats.quoteVolume,
                  openTime: stats.openTime, closeTime: stats.closeTime, firstTradeId: stats.firstTradeId,
                  lastTradeId: stats.lastTradeId, tradeCount: stats.tradeCount, bestBid: bestBid, bestAsk: bestAsk)
    }
}
