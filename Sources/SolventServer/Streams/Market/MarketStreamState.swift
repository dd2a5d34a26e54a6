import SolventCore
import SolventWire

/// Everything the hub keeps about one market's streams.
struct MarketStreamState {
    let id: MarketId
    let names: MarketNames
    var book = StreamBook()
    /// When the last book change was committed: the `E` of the diff event that reports it.
    var lastBookChange: Timestamp = 0
    var fastDiff = DepthDiff()
    var slowDiff = DepthDiff()
    /// The best bid and ask last published on `@bookTicker`.
    var publishedTop: (bid: DepthLevel?, ask: DepthLevel?) = (nil, nil)
    var bars: KlineBars
    var lastPrice: Price = 0
    var lastTradeTime: Timestamp = 0
    /// The 24 h and 5 min figures changed (a trade, or for `@ticker` the best prices): the
    /// statistics streams push at the next second once the history store has recorded
    /// `statisticsChangedAt`.
    var statistics = StatisticsChange()

    init(id: MarketId, names: MarketNames, now: Timestamp) {
        self.id = id
        self.names = names
        bars = KlineBars(now: now, lastPrice: 0)
    }

    var top: (bid: DepthLevel?, ask: DepthLevel?) { (book.bids.best, book.asks.best) }

    mutating func updateDiff(fast: Bool, _ body: (inout DepthDiff) -> Void) {
        if fast { body(&fastDiff) } else { body(&slowDiff) }
    }

    /// The diff event of one speed since its last, if the book changed; its `E` is the commit
    /// time of the newest change it carries.
    mutating func flushDiff(fast: Bool) -> [UInt8]? {
        fast ? fastDiff.flush(book, eventTime: lastBookChange, market: names)
            : slowDiff.flush(book, eventTime: lastBookChange, market: names)
    }
}
