import SolventCore
import SolventJournal
import SolventStore
import SolventWire

/// Gives the hub the books as recovery left them and each interval's current bar as the
/// history holds it, then starts it. Runs at server start, before the listener accepts
/// anything, so no command falls between these reads and the first batch the hub absorbs.
enum StreamSeeding {
    static func seed(_ hub: MarketStreamHub, from sequencer: Sequencer, history: any HistoryStore) async throws {
        let books = try await sequencer.inspect { exchange in
            (0..<exchange.engine.marketCount).map { index in
                let market = MarketId(index)
                return (market, exchange.openOrders(market, .buy) + exchange.openOrders(market, .sell))
            }
        }
        let now = ServerClock.milliseconds()
        for (market, orders) in books {
            let lastTrade = try history.trades(market: market, fromId: nil, limit: 1).last
            let bars = try currentBars(market, history: history, now: now, lastTrade: lastTrade)
            hub.withState { $0.seed(market, orders: orders, bars: bars, lastTrade: lastTrade) }
        }
        hub.start(seededThrough: sequencer.committedSequence)
    }

    /// Each interval's bar containing `now`, with the trades the history has of it.
    private static func currentBars(_ market: MarketId, history: any HistoryStore, now: Timestamp, lastTrade: Trade?)
        throws -> [LiveBar] {
        guard let lastTrade else { return [] }
        var bars: [LiveBar] = []
        for interval in KlineInterval.allCases {
            var live = LiveBar(interval, containing: now, previousClose: lastTrade.price)
            let open = live.bar.openTime
            if lastTrade.time >= open,
               let stored = try history.klines(market: market, interval: interval, startTime: open, endTime: open,
                                               limit: 1).first, stored.trades > 0 {
                live.bar = stored
                live.firstTradeId = try history.trades(market: market, startTime: open, endTime: nil, limit: 1).first?.id ?? -1
                live.lastTradeId = lastTrade.id
            }
            bars.append(live)
        }
        return bars
    }
}
