/// One market's live state: its spec, book, waiting stops and price history.
struct MarketState<Book: OrderBook> {
    var spec: MarketSpec
    var book = Book()
    var stops = StopOrders()
    /// Price of the last trade; 0 before the first.
    var lastPrice: Price = 0
    var nextTradeId: TradeId = 1
    var averagePrice: AveragePriceWindow
    let notional: Notional

    init(spec: MarketSpec, baseScale: Scale) {
        self.spec = spec
        self.notional = Notional(baseScale: baseScale)
        let minutes = spec.filters.percentPriceBySide?.averagePriceMinutes
            ?? spec.filters.notional?.averagePriceMinutes ?? 5
        self.averagePrice = AveragePriceWindow(minutes: Int(max(0, minutes)))
    }

    /// The reference price for filters: the average price, else the last trade price, else none.
    func referencePrice(at time: Timestamp) -> Price? {
        averagePrice.average(at: time, notional: notional) ?? (lastPrice > 0 ? lastPrice : nil)
    }

    /// Step every quantity of a MARKET-working order is rounded down to.
    var marketStepSize: Quantity {
        let step = spec.filters.marketLotSize?.stepSize ?? 0
        return step > 0 ? step : spec.filters.lotSize.stepSize
    }

    /// A resting or waiting order of this market.
    func openOrder(_ id: OrderId) -> Order? {
        book.order(id) ?? stops.order(id)
    }
}
