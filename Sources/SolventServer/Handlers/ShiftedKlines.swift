import SolventCore
import SolventStore
import SolventWire

/// Bars whose boundaries a `timeZone` moves: the store keeps UTC bars, so these are merged from
/// the finest stored bars that line up with both the offset and the interval (hours, quarter
/// hours or minutes). A bar from `open` to the next local boundary holds every base bar inside.
enum ShiftedKlines {
    static let bases: [(stored: KlineInterval, milliseconds: Int64)] = [
        (.oneHour, 3_600_000), (.fifteenMinutes, 900_000), (.oneMinute, 60_000),
    ]

    /// Whether `offset` changes the bars of `interval` at all.
    static func isShifted(_ interval: KlineInterval, offset: Int64) -> Bool {
        guard offset != 0 else { return false }
        guard let length = interval.durationMs else { return true }
        return offset % length != 0
    }

    static func bars(_ store: any HistoryStore, market: MarketId, interval: KlineInterval, offset: Int64,
                     startTime: Timestamp?, endTime: Timestamp?, limit: Int, now: Timestamp) throws -> [Kline] {
        let length = interval.durationMs ?? 31 * 86_400_000
        let base = bases.first { offset % $0.milliseconds == 0 && length % $0.milliseconds == 0 } ?? bases[2]
        let to = endTime ?? now
        let from = startTime ?? max(0, to - Int64(limit + 1) * length)
        let pieces = try store.klines(market: market, interval: base.stored, startTime: max(0, from - length),
                                      endTime: to, limit: historyQueryLimitMax)
        var merged: [Kline] = []
        for piece in pieces {
            let open = shiftedOpen(interval, piece.openTime, offset)
            if var last = merged.last, last.openTime == open {
                last.high = max(last.high, piece.high)
                last.low = min(last.low, piece.low)
                last.close = piece.close
                last.volume += piece.volume
                last.quoteVolume += piece.quoteVolume
                last.trades += piece.trades
                last.takerBuyBase += piece.takerBuyBase
                last.takerBuyQuote += piece.takerBuyQuote
                merged[merged.count - 1] = last
            } else {
                merged.append(piece)
                merged[merged.count - 1].openTime = open
                merged[merged.count - 1].closeTime = interval.openTime(after: open + offset) - offset - 1
            }
        }
        let inRange = merged.filter { bar in bar.openTime >= (startTime ?? 0) && bar.openTime <= to }
        return startTime == nil ? Array(inRange.suffix(limit)) : Array(inRange.prefix(limit))
    }

    /// The open time, in UTC, of the local bar holding `time`.
    static func shiftedOpen(_ interval: KlineInterval, _ time: Timestamp, _ offset: Int64) -> Timestamp {
        interval.openTime(containing: max(0, time + offset)) - offset
    }
}
