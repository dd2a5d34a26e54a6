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
        let marketStep = spec.filters.marketLotSize?.stepSize ?? 0
        self.marketStepSize = marketStep > 0 ? marketStep : spec.filters.lotSize.stepSize
        self.orderTypeMask = spec.orderTypes.reduce(0) { $0 | 1 << $1.rawValue }
        self.selfTradePreventionMask = spec.allowedSelfTradePreventionModes.reduce(0) { $0 | 1 << $1.rawValue }
        let minutes = spec.filters.percentPriceBySide?.averagePriceMinutes
            ?? spec.filters.notional?.averagePriceMinutes ?? 5
        self.averagePrice = AveragePriceWindow(minutes: Int(max(0, minutes)))
    }

    /// The reference price for filters: the average price, else the last trade price, else none.
    @inline(__always)
    func referencePrice(at time: Timestamp) -> Price? {
        averagePrice.average(at: time, notional: notional) ?? (lastPrice > 0 ? lastPrice : nil)
    }

    /// Step every quantity of a MARKET-working order is rounded down to.
    let marketStepSize: Quantity

    /// `spec.orderTypes` and `spec.allowedSelfTradePreventionModes` as bit masks (bit = raw value):
    /// admission tests them on every order, and a bit test is cheaper than hashing into a `Set`.
    let orderTypeMask: UInt16
    let selfTradePreventionMask: UInt8

    /// The book's best price on `side`. `mutating` only for speed: read through `MarketTable`'s
    /// address, a non-mutating call made the optimizer copy the whole book first (every buffer
    /// retained and released, once per matching step: 30 % of the benchmark).
    @inline(__always)
    mutating func bestPrice(_ side: Side) -> Price? { book.bestPrice(side) }

    /// A resting or waiting order of this market.
    @inline(__always)
    func openOrder(_ id: OrderId) -> Order? {
        book.order(id) ?? stops.order(id)
    }

    /// Who owns an open order and its status, without copying the order out. `mutating` only to
    /// read the book in place (see `bestPrice`).
    @inline(__always)
    mutating func openOrderOwnerAndStatus(_ id: OrderId) -> (AccountId, OrderStatus)? {
        if let found = book.update(id, { ($0.account, $0.status) }) { return found }
        return stops.order(id).map { ($0.account, $0.status) }
    }
}
