import SolventCore
import SolventStore
import SolventWire

/// `aggTrades` from the store's trades: trades are merged as they are read, and pages are
/// extended until every aggregate returned is whole, never cut by where a page happened to end.
/// Trade ids of a market run 1, 2, 3… without gaps, which lets the newest aggregates be read
/// backwards with forward queries.
struct AggregateTradeReading {
    let store: any HistoryStore
    let market: MarketId
    let limit: Int

    /// Aggregates whose id (first trade id) is at least `fromId`, up to `endTime` if given.
    func forward(from fromId: TradeId, through endTime: Timestamp? = nil) throws -> [AggregateTrade] {
        // One trade before `fromId` shows whether `fromId` is in the middle of an aggregate.
        var trades = try store.trades(market: market, fromId: max(fromId - 1, 1), limit: historyQueryLimitMax)
        var complete = trades.count < historyQueryLimitMax
        while !complete, aggregates(of: trades, from: fromId, through: endTime).count <= limit,
              endTime.map({ trades[trades.count - 1].time <= $0 }) ?? true {
            let page = try store.trades(market: market, fromId: trades[trades.count - 1].id + 1, limit: historyQueryLimitMax)
            trades += page
            complete = page.count < historyQueryLimitMax
        }
        return Array(aggregates(of: trades, from: fromId, through: endTime).prefix(limit))
    }

    /// Aggregates whose trades happened within `startTime...endTime` (either may be open), the
    /// oldest first when a start is given, else the newest `limit`.
    func byTime(from startTime: Timestamp?, through endTime: Timestamp?) throws -> [AggregateTrade] {
        if let startTime {
            guard let first = try store.trades(market: market, startTime: startTime, endTime: endTime, limit: 1).first
            else { return [] }
            return try forward(from: first.id, through: endTime)
        }
        guard let last = try store.trades(market: market, startTime: nil, endTime: endTime, limit: 1).last
        else { return [] }
        return try newest(through: last.id)
    }

    /// The newest `limit` aggregates that end at or before trade `lastId`. An aggregate never
    /// continues past `lastId`: the trades after it are later commands.
    private func newest(through lastId: TradeId) throws -> [AggregateTrade] {
        var span = Int64(limit)
        while true {
            let firstId = max(lastId - span + 1, 1)
            var merged = AggregateTrade.merging(try tradeRange(firstId...lastId))
            // The oldest aggregate may have begun before `firstId`.
            if firstId > 1 { merged.removeFirst() }
            if merged.count >= limit || firstId == 1 { return Array(merged.suffix(limit)) }
            span *= 4
        }
    }

    private func tradeRange(_ ids: ClosedRange<TradeId>) throws -> [Trade] {
        var trades: [Trade] = []
        var next = ids.lowerBound
        while next <= ids.upperBound {
            let page = try store.trades(market: market, fromId: next, limit: min(historyQueryLimitMax, Int(ids.upperBound - next + 1)))
            guard let last = page.last else { break }
            trades += page
            next = last.id + 1
        }
        return trades
    }

    private func aggregates(of trades: [Trade], from fromId: TradeId, through endTime: Timestamp?) -> [AggregateTrade] {
        let inTime = endTime.map { end in trades.prefix { $0.time <= end } } ?? trades[...]
        // An aggregate that began before `fromId` is left out whole.
        return AggregateTrade.merging(inTime).filter { $0.id >= fromId }
    }
}
