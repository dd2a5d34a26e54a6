import SolventCore
import SolventStore
import SolventTestSupport

/// Expected answers computed the slow, obvious way from the events themselves.
enum StoreOracle {
    /// Every traded bar of `interval` for `market`, oldest first.
    static func klines(_ trades: [Trade], market: MarketId, interval: KlineInterval) -> [Kline] {
        var bars: [Kline] = []
        for trade in trades where trade.market == market {
            let openTime = interval.openTime(containing: trade.time)
            let buy = trade.takerSide == .buy
            if let last = bars.last, last.openTime == openTime {
                var bar = last
                bar.high = max(bar.high, trade.price)
                bar.low = min(bar.low, trade.price)
                bar.close = trade.price
                bar.volume += trade.quantity
                bar.quoteVolume += trade.quote
                bar.trades += 1
                bar.takerBuyBase += buy ? trade.quantity : 0
                bar.takerBuyQuote += buy ? trade.quote : 0
                bars[bars.count - 1] = bar
            } else {
                precondition(bars.last.map { $0.openTime < openTime } ?? true, "trades come in time order")
                bars.append(Kline(openTime: openTime, closeTime: interval.closeTime(ofBarOpenedAt: openTime),
                                  open: trade.price, high: trade.price, low: trade.price, close: trade.price,
                                  volume: trade.quantity, quoteVolume: trade.quote, trades: 1,
                                  takerBuyBase: buy ? trade.quantity : 0, takerBuyQuote: buy ? trade.quote : 0))
            }
        }
        return bars
    }

    /// The 24 h ticker by scanning every trade.
    static func rollingStats(_ trades: [Trade], market: MarketId, now: Timestamp, window: Int64) -> RollingStats? {
        let inMarket = trades.filter { $0.market == market }
        let inside = inMarket.filter { $0.time >= now - window && $0.time <= now }
        guard let first = inside.first, let last = inside.last else { return nil }
        return RollingStats(
            openTime: now - window, closeTime: now, openPrice: first.price,
            highPrice: inside.map(\.price).max()!, lowPrice: inside.map(\.price).min()!,
            lastPrice: last.price, lastQuantity: last.quantity,
            volume: inside.reduce(0) { $0 + $1.quantity }, quoteVolume: inside.reduce(0) { $0 + $1.quote },
            tradeCount: Int64(inside.count), firstTradeId: first.id, lastTradeId: last.id,
            previousClose: inMarket.last { $0.id < first.id }?.price)
    }

    /// `myTrades` rows of every fill of `account`'s orders in `market`, in trade id order.
    static func accountTrades(_ events: [Event], account: AccountId, market: MarketId) -> [AccountTrade] {
        events.orderEvents.compactMap { event -> AccountTrade? in
            guard event.order.account == account, event.order.market == market,
                  case .fill(let fill) = event.detail else { return nil }
            return AccountTrade(event, fill)
        }.sorted { ($0.tradeId, $0.orderId) < ($1.tradeId, $1.orderId) }
    }
}

/// Everything a store answers about the fixture markets and some accounts, for comparing two
/// stores fed the same events in different batches.
struct StoreAnswers: Equatable {
    var lastSequence: UInt64
    var orders: [[Order]] = []
    var accountTrades: [[AccountTrade]] = []
    var trades: [[Trade]] = []
    var klines: [[Kline]] = []
    var stats: [RollingStats?] = []
    var ledger: [[LedgerRecord]] = []

    init(_ store: any HistoryStore, accounts: [AccountId], now: Timestamp) throws {
        lastSequence = try store.lastSequence()
        let markets: [MarketId] = [TestMarkets.btcusdt, TestMarkets.ethusdt, TestMarkets.ethbtc]
        for market in markets {
            for account in accounts {
                orders.append(try store.orders(account: account, market: market, fromOrderId: nil, startTime: nil,
                                               endTime: nil, limit: 5_000))
                accountTrades.append(try store.accountTrades(account: account, market: market, orderId: nil,
                                                             fromId: nil, startTime: nil, endTime: nil, limit: 5_000))
            }
            trades.append(try store.trades(market: market, fromId: 1, limit: 5_000))
            for interval in KlineInterval.allCases {
                klines.append(try store.klines(market: market, interval: interval, startTime: nil, endTime: nil,
                                               limit: 1_000))
            }
            stats.append(try store.rollingStats(market: market, now: now, window: Fixtures.day))
        }
        for account in accounts {
            ledger.append(try store.ledgerEntries(account: account, limit: 5_000))
        }
    }
}
