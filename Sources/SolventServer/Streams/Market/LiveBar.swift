import SolventCore
import SolventStore
import SolventWire

/// The bar of one interval that trades are going into now, with the ids of its first and last
/// trade (`f`/`L`, -1 while it has none).
struct LiveBar {
    let interval: KlineInterval
    var bar: Kline
    var firstTradeId: TradeId = -1
    var lastTradeId: TradeId = -1

    /// An empty bar containing `time`, priced at the last close (a bar without trades shows the
    /// previous close, as the REST klines' gap bars do).
    init(_ interval: KlineInterval, containing time: Timestamp, previousClose: Price) {
        self.interval = interval
        let open = interval.openTime(containing: time)
        bar = Kline(openTime: open, closeTime: interval.closeTime(ofBarOpenedAt: open), open: previousClose,
                    high: previousClose, low: previousClose, close: previousClose)
    }

    /// Adds a trade of this bar. One stamped a little before the bar opened (the timer rolled
    /// first, on the hub's clock) counts in it: a closed bar is never reopened.
    mutating func add(_ trade: Trade) {
        assert(trade.time <= bar.closeTime, "trade at \(trade.time) after bar \(bar.openTime)...\(bar.closeTime)")
        if bar.trades == 0 {
            (bar.open, bar.high, bar.low) = (trade.price, trade.price, trade.price)
            firstTradeId = trade.id
        }
        bar.high = max(bar.high, trade.price)
        bar.low = min(bar.low, trade.price)
        bar.close = trade.price
        bar.volume = bar.volume.addingReportingOverflow(trade.quantity).overflow ? .max : bar.volume + trade.quantity
        bar.quoteVolume = bar.quoteVolume.addingReportingOverflow(trade.quote).overflow ? .max : bar.quoteVolume + trade.quote
        if trade.takerSide == .buy {
            bar.takerBuyBase += trade.quantity
            bar.takerBuyQuote += trade.quote
        }
        bar.trades += 1
        lastTradeId = trade.id
    }

    func render(isClosed: Bool, eventTime: Timestamp, market: MarketNames) -> [UInt8] {
        StreamKlineJSON.kline(bar, interval: interval.rawValue, firstTradeId: firstTradeId, lastTradeId: lastTradeId,
                              isClosed: isClosed, eventTime: eventTime, market: market)
    }
}

/// A market's live bar in every interval, kept from its trades whether or not anyone listens,
/// so a new subscriber sees the whole current bar.
struct KlineBars {
    private(set) var bars: [LiveBar]

    init(now: Timestamp, lastPrice: Price) {
        bars = KlineInterval.allCases.map { LiveBar($0, containing: now, previousClose: lastPrice) }
    }

    /// Starts each interval's bar from what the history holds of it (server start).
    mutating func seed(_ index: Int, _ bar: LiveBar) {
        bars[index] = bar
    }

    /// Adds a trade; returns the bars it closed (a trade after a bar's end starts the next).
    mutating func record(_ trade: Trade, closed: inout [LiveBar]) {
        for index in bars.indices {
            if trade.time > bars[index].bar.closeTime { closed.append(roll(index, to: trade.time)) }
            bars[index].add(trade)
        }
    }

    /// How long after a bar's end the timer closes it: the hub's clock runs a little ahead of
    /// the sequencer's stamps (a batch is stamped before its sync), and a closed bar stays closed.
    static let closeGraceMs: Int64 = 300

    /// Closes the bars whose end (plus the grace) `now` has passed; returns them.
    mutating func roll(to now: Timestamp, closed: inout [LiveBar]) {
        for index in bars.indices where now > bars[index].bar.closeTime + Self.closeGraceMs {
            closed.append(roll(index, to: now))
        }
    }

    func bar(_ interval: KlineInterval) -> LiveBar {
        bars[Self.index(interval)]
    }

    static func index(_ interval: KlineInterval) -> Int {
        KlineInterval.allCases.firstIndex(of: interval)!
    }

    private mutating func roll(_ index: Int, to time: Timestamp) -> LiveBar {
        let old = bars[index]
        bars[index] = LiveBar(old.interval, containing: time, previousClose: old.bar.close)
        return old
    }
}
