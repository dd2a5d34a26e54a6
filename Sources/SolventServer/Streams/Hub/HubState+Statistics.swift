import SolventCore
import SolventStore
import SolventWire

extension HubState {
    static let dayMs: Int64 = 86_400_000
    static let averagePriceMinutes = 5

    /// Once a second: the tickers, mini tickers and average prices of the markets whose figures
    /// changed, read from the history store as REST reads them; the all-market arrays carry the
    /// changed markets only.
    mutating func tickStatistics(now: Timestamp, into deliveries: inout [Delivery]) {
        let recorded = history.recordedSequence()
        let minis = subscriptions.list(.allMiniTickers), fulls = subscriptions.list(.allTickers)
        var miniItems: [[UInt8]] = [], fullItems: [[UInt8]] = []
        for index in markets.indices {
            guard let market = markets[index], market.statistics.isDue(recorded: recorded) else { continue }
            markets[index]!.statistics.pushed()
            let id = MarketId(index)
            let ticker = subscriptions.list(.market(id, .ticker)), mini = subscriptions.list(.market(id, .miniTicker))
            let traded = market.statistics.tradedSinceLastPush
            if !ticker.isEmpty || !fulls.isEmpty || (traded && (!mini.isEmpty || !minis.isEmpty)) {
                let statistics = dayStatistics(market, now: now)
                let full = StreamTickerJSON.ticker(statistics, eventTime: now, market: market.names)
                if !ticker.isEmpty { deliveries.append(Delivery(payload: full, recipients: ticker)) }
                if !fulls.isEmpty { fullItems.append(full) }
                if traded {
                    let small = StreamTickerJSON.miniTicker(statistics, eventTime: now, market: market.names)
                    if !mini.isEmpty { deliveries.append(Delivery(payload: small, recipients: mini)) }
                    if !minis.isEmpty { miniItems.append(small) }
                }
            }
            let average = subscriptions.list(.market(id, .averagePrice))
            if traded && !average.isEmpty {
                deliveries.append(Delivery(payload: averagePrice(market, now: now), recipients: average))
            }
        }
        if !miniItems.isEmpty { deliveries.append(Delivery(payload: StreamTickerJSON.array(miniItems), recipients: minis)) }
        if !fullItems.isEmpty { deliveries.append(Delivery(payload: StreamTickerJSON.array(fullItems), recipients: fulls)) }
    }

    /// A new ticker-like subscriber gets a first push at the next second.
    mutating func forceStatistics(_ id: MarketId) {
        updateMarket(id) { $0.statistics.force() }
    }

    private func dayStatistics(_ market: MarketStreamState, now: Timestamp) -> TickerStatistics {
        let top = market.top
        let stats = try? history.store.rollingStats(market: market.id, now: now, window: Self.dayMs)
        return TickerStatistics(stats ?? nil, bestBid: top.bid, bestAsk: top.ask, now: now, window: Self.dayMs)
    }

    /// The volume-weighted price of the last five minutes' trades, else the last price (as
    /// `GET /api/v3/avgPrice`).
    private func averagePrice(_ market: MarketStreamState, now: Timestamp) -> [UInt8] {
        let window = Int64(Self.averagePriceMinutes) * 60_000
        var price = market.lastPrice
        if let stats = try? history.store.rollingStats(market: market.id, now: now, window: window), stats.volume > 0 {
            price = TickerStatistics(volume: stats.volume, quoteVolume: stats.quoteVolume, openTime: stats.openTime,
                                     closeTime: stats.closeTime).weightedAveragePrice(baseScale: market.names.baseScale)
        }
        return StreamTickerJSON.averagePrice(minutes: Self.averagePriceMinutes, price: price,
                                             lastTradeTime: market.lastTradeTime, eventTime: now, market: market.names)
    }
}
