import SolventCore
import SolventStore
import SolventWire

/// depth, trades, historicalTrades, aggTrades, klines, uiKlines, avgPrice and the tickers
/// (spec §3.2): the book from the engine, everything historical from the store.
enum MarketDataEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.depth) { request throws(BinanceError) in try await depth(request, context) },
            Endpoint(.trades) { request throws(BinanceError) in
                try await trades(request, context, fromId: nil)
            },
            Endpoint(.historicalTrades) { request throws(BinanceError) in
                try await trades(request, context, fromId: try request.parameters.int64("fromId"))
            },
            Endpoint(.aggregateTrades) { request throws(BinanceError) in
                try await aggregateTrades(request, context)
            },
            Endpoint(.klines) { request throws(BinanceError) in try await klines(request, context) },
            Endpoint(.uiKlines) { request throws(BinanceError) in try await klines(request, context) },
            Endpoint(.averagePrice) { request throws(BinanceError) in
                try await averagePrice(request, context)
            },
        ] + TickerEndpoints.all(context)
    }

    private static func depth(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let market = try context.market(request.parameters)
        let limit = try request.parameters.limit(default: 100, max: 5_000)
        // The streams' book, with the update id its levels correspond to (spec §5.5), once it
        // holds everything durable when the request came.
        await context.streams.waitUntilAbsorbed(context.sequencer.committedSequence)
        let book = context.streams.withState { $0.depthSnapshot(market.id, limit: limit) }
        return Reply(DepthJSON.render(lastUpdateId: Int64(book.lastUpdateId), bids: book.bids, asks: book.asks,
                                      market: market.names))
    }

    private static func trades(_ request: APIRequest, _ context: ServerContext, fromId: TradeId?) async throws(BinanceError)
        -> Reply {
        let market = try context.market(request.parameters)
        let limit = try request.parameters.limit(default: 500, max: 1_000)
        await context.historyCaughtUp()
        let records = try storeQuery { try context.history.store.trades(market: market.id, fromId: fromId, limit: limit) }
        return Reply(TradeJSON.renderList(records, market: market.names))
    }

    /// One taker order's fills at one price make one aggregate (`AggregateTrade`).
    private static func aggregateTrades(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError)
        -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        let limit = try parameters.limit(default: 500, max: 1_000)
        let fromId = try parameters.int64("fromId")
        let startTime = try parameters.timestampMilliseconds("startTime")
        let endTime = try parameters.timestampMilliseconds("endTime")
        if let startTime, let endTime, endTime - startTime > 3_600_000 { throw .rangeTooLarge(hours: 1) }
        await context.historyCaughtUp()
        let reading = AggregateTradeReading(store: context.history.store, market: market.id, limit: limit)
        let aggregates = try storeQuery {
            if let fromId { return try reading.forward(from: max(fromId, 1), through: endTime) }
            return try reading.byTime(from: startTime, through: endTime)
        }
        return Reply(AggregateTradeJSON.renderList(aggregates, market: market.names))
    }

    private static func klines(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        guard let interval = try parameters.klineInterval() else { throw .mandatoryParameter("interval") }
        let limit = try parameters.limit(default: 500, max: 1_000)
        let startTime = try parameters.timestampMilliseconds("startTime")
        let endTime = try parameters.timestampMilliseconds("endTime")
        let offset = try KlineTimeZone.offset(parameters)
        await context.historyCaughtUp()
        let store = context.history.store
        if ShiftedKlines.isShifted(interval, offset: offset) {
            let bars = try storeQuery {
                try ShiftedKlines.bars(store, market: market.id, interval: interval, offset: offset, startTime: startTime,
                                       endTime: endTime, limit: limit, now: request.receivedAt)
            }
            return Reply(KlineJSON.renderList(bars, market: market.names))
        }
        let bars = try storeQuery {
            try store.klines(market: market.id, interval: interval, startTime: startTime, endTime: endTime, limit: limit)
        }
        return Reply(KlineJSON.renderList(bars, market: market.names))
    }

    /// The volume-weighted price of the last five minutes' trades, else the last price.
    private static func averagePrice(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let market = try context.market(request.parameters)
        let minutes = 5
        await context.historyCaughtUp()
        let stats = try storeQuery {
            try context.history.store.rollingStats(market: market.id, now: request.receivedAt, window: Int64(minutes) * 60_000)
        }
        if let stats, stats.volume > 0 {
            let price = TickerStatistics(volume: stats.volume, quoteVolume: stats.quoteVolume, openTime: stats.openTime,
                                         closeTime: stats.closeTime).weightedAveragePrice(baseScale: market.names.baseScale)
            return Reply(AveragePriceJSON.render(minutes: minutes, price: price, closeTime: stats.closeTime, market: market.names))
        }
        let id = market.id
        let last = try await context.gateway.read { $0.lastPrice(id) } ?? 0
        return Reply(AveragePriceJSON.render(minutes: minutes, price: last, closeTime: request.receivedAt, market: market.names))
    }
}
