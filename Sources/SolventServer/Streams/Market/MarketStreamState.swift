import SolventCore
import SolventWire

/// Everything the hub keeps about one market's streams.
struct MarketStreamState {
    let id: MarketId
    let names: MarketNames
    var book = StreamBook()
    var fastDiff = DepthDiff()
    var slowDiff = DepthDiff()
    /// The best bid and ask last published on `@bookTicker`.
    var publishedTop: (bid: DepthLevel?, ask: DepthLevel?) = (nil, nil)

    init(id: MarketId, names: MarketNames) {
        self.id = id
        self.names = names
    }

    var top: (bid: DepthLevel?, ask: DepthLevel?) { (book.bids.best, book.asks.best) }

    mutating func updateDiff(fast: Bool, _ body: (inout DepthDiff) -> Void) {
        if fast { body(&fastDiff) } else { body(&slowDiff) }
    }

    /// The diff event of one speed since its last, if the book changed.
    mutating func flushDiff(fast: Bool, eventTime: Timestamp) -> [UInt8]? {
        fast ? fastDiff.flush(book, eventTime: eventTime, market: names)
            : slowDiff.flush(book, eventTime: eventTime, market: names)
    }
}
