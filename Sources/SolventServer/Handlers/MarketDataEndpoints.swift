import SolventCore
import SolventStore
import SolventWire

/// depth, trades, historicalTrades, aggTrades, klines, uiKlines, avgPrice and the tickers
/// (spec §3.2): the book from the engine, everything historical from the store.
enum MarketDataEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint("GET", "/api/v3/depth", .none) { request throws(BinanceError) in try await depth(request, context) },
            Endpoint("GET", "/api/v3/trades", .none) { request throws(BinanceError) in
                try await trades(request, context, fromId: nil)
            },
            Endpoint("GET", "/api/v3/historicalTrades", .none) { request throws(BinanceError) in
                try await trades(request, context, fromId: try request.parameters.int64("fromId"))
            },
            Endpoint("GET", "/api/v3/aggTrades", .none) { request throws(BinanceError) in
                try await aggregateTrades(request, context)
            },
            Endpoint("GET", "/api/v3/klines", .none) { request throws(BinanceError) in try await klines(request, context) },
            Endpoint("GET", "/api/v3/uiKlines", .none) { request throws(BinanceError) in try await klines(request, context) },
            Endpoint("GET", "/api/v3/avgPrice", .none) { request throws(BinanceError) in
                try await averagePrice(request, context)
            },
        ] + TickerEndpoints.all(context)
    }

    private static func depth(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let market = try context.market(request.parameters)
        let limit = try limitParameter(request.parameters, default: 100, max: 5_000)
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
        let limit = try limitParameter(request.parameters, default: 500, max: 1_000)
        await context.historyCaughtUp()
        let records = try storeQuery { try context.history.store.trades(market: market.id, fromId: fromId, limit: limit) }
        return Reply(TradeJSON.renderList(records, market: market.names))
    }

    /// Every trade is its own aggregate here: one taker order's fills at one price would merge
    /// on Binance, and ids stay consistent either way (`a` = the trade id).
    private static func aggregateTrades(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError)
        -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        let limit = try limitParameter(parameters, default: 500, max: 1_000)
        let startTime = try parameters.timestampMilliseconds("startTime")
        let endTime = try parameters.timestampMilliseconds("endTime")
        if let startTime, let endTime, endTime - startTime > 3_600_000 { throw .rangeTooLarge(hours: 1) }
        await context.historyCaughtUp()
        let records = try storeQuery {
            if let fromId = try parameters.int64("fromId") {
                return try context.history.store.trades(market: market.id, fromId: fromId, limit: limit)
            }
            return try context.history.store.trades(market: market.id, startTime: startTime, endTime: endTime, limit: limit)
        }
        return Reply(AggregateTradeJSON.renderList(records.map(AggregateTrade.init(trade:)), market: market.names))
    }

    private static func klines(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        guard let interval = try parameters.klineInterval(),
              let stored = SolventStore.KlineInterval(rawValue: interval.rawValue) else { throw .mandatoryParameter("interval") }
        let limit = try limitParameter(parameters, default: 500, max: 1_000)
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
            try store.klines(market: market.id, interval: stored, startTime: startTime, endTime: endTime, limit: limit)
        }
        return Reply(KlineJSON.renderList(bars.map(\.wire), market: market.names))
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

extension SolventStore.Kline {
    var wire: SolventWire.Kline {
        SolventWire.Kline(openTime: openTime, closeTime: closeTime, open: open, high: high, low: low, close: close,
                          volume: volume, quoteVolume: quoteVolume, tradeCount: trades, takerBuyBaseVolume: takerBuyBase,
                          takerBuyQuoteVolume: takerBuyQuote)
    }
}
