import SolventCore

/// Bars whose boundaries a `timeZone` moves: the store keeps UTC bars, so these are merged from
/// the finest stored bars that line up with both the offset and the interval (hours, quarter
/// hours or minutes). A bar from `open` to the next local boundary holds every base bar inside.
///
/// A long window holds more base bars than one store query returns (`historyQueryLimitMax`), so
/// they are read in pages: forward from `startTime` when it is given, else backward from the end,
/// so the bars answered are the ones asked for (the newest, without a start) and none is left
/// short of its base bars. Reading stops at `piecesMax` base bars, a bound on one request's work.
public enum ShiftedKlines {
    static let bases: [(stored: KlineInterval, milliseconds: Int64)] = [
        (.oneHour, 3_600_000), (.fifteenMinutes, 900_000), (.oneMinute, 60_000),
    ]

    /// Base bars one request may read: 1,000 daily bars at a quarter-hour offset are 96,000.
    public static let piecesMax = 100_000

    /// Whether `offset` changes the bars of `interval` at all.
    public static func isShifted(_ interval: KlineInterval, offset: Int64) -> Bool {
        guard offset != 0 else { return false }
        guard let length = interval.durationMs else { return true }
        return offset % length != 0
    }

    public static func bars(_ store: any HistoryStore, market: MarketId, interval: KlineInterval, offset: Int64,
                            startTime: Timestamp?, endTime: Timestamp?, limit: Int, now: Timestamp) throws -> [Kline] {
        let length = interval.durationMs ?? 31 * 86_400_000
        let base = bases.first { offset % $0.milliseconds == 0 && length % $0.milliseconds == 0 } ?? bases[2]
        let to = endTime ?? now
        let read = Pages(store: store, market: market, base: base.stored, through: to)
        if let startTime {
            let pieces = try read.forward(from: max(0, startTime - length)) { merge($0, interval, offset).count > limit + 1 }
            return Array(merge(pieces, interval, offset).filter { $0.openTime >= startTime && $0.openTime <= to }.prefix(limit))
        }
        // One bar more than asked: the oldest read may hold only part of its base bars.
        let pieces = try read.backward { merge($0, interval, offset).count > limit + 1 }
        let merged = merge(pieces.bars, interval, offset).filter { $0.openTime <= to }
        let complete = pieces.ended ? merged : Array(merged.dropFirst())
        return Array(complete.suffix(limit))
    }

    /// The local bars of `pieces` (ascending base bars), with a gap bar (`KlineGaps`' rule: the
    /// previous close, no volume) for each local bar between two that hold pieces: the store
    /// fills gaps within one answer only, and pages are several answers.
    static func merge(_ pieces: [Kline], _ interval: KlineInterval, _ offset: Int64) -> [Kline] {
        var merged: [Kline] = []
        for piece in pieces {
            let open = shiftedOpen(interval, piece.openTime, offset)
            if let last = merged.last, last.openTime < open {
                var gapOpen = shiftedNext(interval, last.openTime, offset)
                while gapOpen < open {
                    let next = shiftedNext(interval, gapOpen, offset)
                    merged.append(Kline(openTime: gapOpen, closeTime: next - 1, open: last.close, high: last.close,
                                        low: last.close, close: last.close, volume: 0, quoteVolume: 0, trades: 0,
                                        takerBuyBase: 0, takerBuyQuote: 0))
                    gapOpen = next
                }
            }
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
                merged[merged.count - 1].closeTime = shiftedNext(interval, open, offset) - 1
            }
        }
        return merged
    }

    /// The open time, in UTC, of the local bar after the one opened at `open`.
    static func shiftedNext(_ interval: KlineInterval, _ open: Timestamp, _ offset: Int64) -> Timestamp {
        interval.openTime(after: open + offset) - offset
    }

    /// The open time, in UTC, of the local bar holding `time`.
    static func shiftedOpen(_ interval: KlineInterval, _ time: Timestamp, _ offset: Int64) -> Timestamp {
        interval.openTime(containing: max(0, time + offset)) - offset
    }
}

/// Base bars read a store query at a time, until `enough` says so, the bars run out, or
/// `ShiftedKlines.piecesMax` is reached.
private struct Pages {
    let store: any HistoryStore
    let market: MarketId
    let base: KlineInterval
    let through: Timestamp

    func forward(from start: Timestamp, enough: ([Kline]) -> Bool) throws -> [Kline] {
        var bars: [Kline] = []
        var next = start
        while bars.count < ShiftedKlines.piecesMax {
            let page = try store.klines(market: market, interval: base, startTime: next, endTime: through,
                                        limit: historyQueryLimitMax)
            bars += page
            guard page.count == historyQueryLimitMax, let last = page.last, !enough(bars) else { break }
            next = last.openTime + 1
        }
        return bars
    }

    /// The newest bars through `through`, oldest first; `ended` when nothing older exists.
    func backward(enough: ([Kline]) -> Bool) throws -> (bars: [Kline], ended: Bool) {
        var bars: [Kline] = []
        var end = through
        while bars.count < ShiftedKlines.piecesMax {
            let page = try store.klines(market: market, interval: base, startTime: nil, endTime: end,
                                        limit: historyQueryLimitMax)
            bars = page + bars
            guard page.count == historyQueryLimitMax, let first = page.first, first.openTime > 0 else {
                return (bars, true)
            }
            if enough(bars) { return (bars, false) }
            end = first.openTime - 1
        }
        return (bars, false)
    }
}
