import SolventCore

/// Fills the bars in which nothing traded between two bars that did, as Binance does so charts
/// stay continuous: open = high = low = close = the previous close, zero volume. Only between
/// traded bars of one answer, so a market's history before its first trade stays empty.
enum KlineGaps {
    /// The oldest `limit` bars from the first of `bars` (ascending) with the gaps filled.
    static func fillForward(_ bars: [Kline], _ interval: KlineInterval, limit: Int) -> [Kline] {
        guard var previous = bars.first, limit > 0 else { return [] }
        var result = [previous]
        result.reserveCapacity(limit)
        for bar in bars.dropFirst() {
            assert(bar.openTime > previous.openTime, "bars come in open time order")
            var openTime = interval.openTime(after: previous.openTime)
            while openTime < bar.openTime && result.count < limit {
                result.append(.gap(interval, openTime: openTime, previousClose: previous.close))
                openTime = interval.openTime(after: openTime)
            }
            guard result.count < limit else { break }
            result.append(bar)
            previous = bar
        }
        assert(result.count <= limit, "more bars than asked for")
        return result
    }

    /// The newest `limit` bars up to the last of `bars` (ascending) with the gaps filled.
    static func fillBackward(_ bars: [Kline], _ interval: KlineInterval, limit: Int) -> [Kline] {
        guard var later = bars.last, limit > 0 else { return [] }
        var newestFirst = [later]
        newestFirst.reserveCapacity(limit)
        for bar in bars.dropLast().reversed() {
            assert(bar.openTime < later.openTime, "bars come in open time order")
            var openTime = interval.openTime(before: later.openTime)
            while openTime > bar.openTime && newestFirst.count < limit {
                newestFirst.append(.gap(interval, openTime: openTime, previousClose: bar.close))
                openTime = interval.openTime(before: openTime)
            }
            guard newestFirst.count < limit else { break }
            newestFirst.append(bar)
            later = bar
        }
        assert(newestFirst.count <= limit, "more bars than asked for")
        return newestFirst.reversed()
    }
}

extension Kline {
    /// A bar in which nothing traded, after a bar that closed at `previousClose`.
    static func gap(_ interval: KlineInterval, openTime: Timestamp, previousClose: Price) -> Kline {
        Kline(openTime: openTime, closeTime: interval.closeTime(ofBarOpenedAt: openTime), open: previousClose,
              high: previousClose, low: previousClose, close: previousClose, volume: 0, quoteVolume: 0,
              trades: 0, takerBuyBase: 0, takerBuyQuote: 0)
    }
}
