import SolventCore
import SolventStore
import SolventWire

/// ticker/24hr (FULL and MINI), ticker/price and ticker/bookTicker, for one symbol (an object)
/// or several (an array).
enum TickerEndpoints {
    static let day: Int64 = 86_400_000

    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.dayTicker) { request throws(BinanceError) in
                try await dayTicker(request, context)
            },
            Endpoint(.priceTicker) { request throws(BinanceError) in
                let (markets, single) = try context.markets(request.parameters)
                let ids = markets.map(\.id)
                let prices = try await context.gateway.read { exchange in ids.map { exchange.lastPrice($0) ?? 0 } }
                if single { return Reply(PriceTickerJSON.render(price: prices[0], market: markets[0].names)) }
                return Reply(PriceTickerJSON.renderList(Array(zip(prices, markets.map(\.names)))))
            },
            Endpoint(.bookTicker) { request throws(BinanceError) in
                let (markets, single) = try context.markets(request.parameters)
                let tops = try await tops(markets, context)
                if single { return Reply(BookTickerJSON.render(bid: tops[0].bid, ask: tops[0].ask, market: markets[0].names)) }
                return Reply(BookTickerJSON.renderList(zip(tops, markets).map { ($0.bid, $0.ask, $1.names) }))
            },
        ]
    }

    private static func dayTicker(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let (markets, single) = try context.markets(request.parameters)
        let type = try request.parameters.tickerType() ?? .full
        let tops = try await tops(markets, context)
        await context.historyCaughtUp()
        var entries: [(TickerStatistics, MarketNames)] = []
        for (market, top) in zip(markets, tops) {
            let stats = try storeQuery {
                try context.history.store.rollingStats(market: market.id, now: request.receivedAt, window: day)
            }
            entries.append((TickerStatistics(stats, bestBid: top.bid, bestAsk: top.ask, now: request.receivedAt,
                                             window: day), market.names))
        }
        if single { return Reply(TickerJSON.render(entries[0].0, type: type, market: entries[0].1)) }
        return Reply(TickerJSON.renderList(entries, type: type))
    }

    private static func tops(_ markets: [ResolvedMarket], _ context: ServerContext) async throws(BinanceError)
        -> [(bid: DepthLevel?, ask: DepthLevel?)] {
        let ids = markets.map(\.id)
        return try await context.gateway.read { exchange in
            ids.map { (BookReading.best(exchange, $0, .buy), BookReading.best(exchange, $0, .sell)) }
        }
    }
}
