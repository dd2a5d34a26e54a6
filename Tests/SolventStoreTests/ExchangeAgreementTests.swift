import SolventCore
import SolventStore
import Testing
import SolventTestSupport

/// A random session recorded in its batches must answer what the exchange itself says and what
/// the events, read the slow way, imply.
@Suite("The store agrees with the exchange")
struct ExchangeAgreementTests {
    static let markets: [MarketId] = [TestMarkets.btcusdt, TestMarkets.ethusdt, TestMarkets.ethbtc]

    static func recorded(seed: UInt64) throws -> (RandomSession, SQLiteHistoryStore) {
        let session = RandomSession(seed: seed, commands: 1_200)
        let store = try SQLiteHistoryStore(inMemory: ())
        try session.recordAll(into: store)
        return (session, store)
    }

    @Test(arguments: [41, 42] as [UInt64])
    func everyOrderReadsBackInItsLatestState(seed: UInt64) throws {
        let (session, store) = try Self.recorded(seed: seed)
        let latest = session.events.latestOrders
        #expect(latest.count > 100, "the session places orders")
        for order in latest.values {
            #expect(try store.order(account: order.account, market: order.market, orderId: order.id,
                                    clientOrderId: nil) == order)
        }
        // The orders the exchange holds open are in the store exactly as the exchange has them.
        for market in Self.markets {
            for side in Side.allCases {
                for open in session.exchange.openOrders(market, side) {
                    var stored = try #require(try store.order(account: open.account, market: market, orderId: open.id,
                                                              clientOrderId: nil))
                    // The core sets `visibleQuantity` when a taker comes to rest, after its last
                    // event; the store can only hold what the events say. The API never shows it.
                    stored.visibleQuantity = open.visibleQuantity
                    #expect(stored == open)
                }
            }
        }
        // allOrders lists all of an account's orders in id order.
        for account in RandomSession.accounts {
            for market in Self.markets {
                let expected = latest.values.filter { $0.account == account && $0.market == market }
                    .sorted { $0.id < $1.id }
                #expect(try store.orders(account: account, market: market, fromOrderId: nil, startTime: nil,
                                         endTime: nil, limit: 5_000) == expected)
            }
        }
    }

    @Test(arguments: [43] as [UInt64])
    func myTradesHoldEveryFillOfTheAccount(seed: UInt64) throws {
        let (session, store) = try Self.recorded(seed: seed)
        var rows = 0
        for account in RandomSession.accounts {
            for market in Self.markets {
                let expected = StoreOracle.accountTrades(session.events, account: account, market: market)
                rows += expected.count
                #expect(try store.accountTrades(account: account, market: market, orderId: nil, fromId: nil,
                                                startTime: nil, endTime: nil, limit: 5_000) == expected)
            }
        }
        #expect(rows == 2 * session.trades.count, "every trade is a fill of two orders")
    }

    /// Each account's balance is what its deposits, withdrawals and fills add up to.
    @Test(arguments: [44, 45] as [UInt64])
    func ledgerAndFillsAddUpToTheExchangesBalances(seed: UInt64) throws {
        let (session, store) = try Self.recorded(seed: seed)
        let pairs: [MarketId: (base: AssetId, quote: AssetId)] = [
            TestMarkets.btcusdt: (TestMarkets.btc, TestMarkets.usdt), TestMarkets.ethusdt: (TestMarkets.eth, TestMarkets.usdt),
            TestMarkets.ethbtc: (TestMarkets.eth, TestMarkets.btc),
        ]
        for account in RandomSession.accounts {
            var totals: [AssetId: Int64] = [:]
            for entry in try store.ledgerEntries(account: account, limit: 5_000) {
                switch entry.kind {
                case .deposit: totals[entry.asset, default: 0] += entry.amount
                case .withdrawalConfirmed: totals[entry.asset, default: 0] -= entry.amount
                case .withdrawalRequested, .withdrawalReleased: break // free ⇄ locked only
                }
            }
            for market in Self.markets {
                let (base, quote) = pairs[market]!
                for fill in try store.accountTrades(account: account, market: market, orderId: nil, fromId: nil,
                                                    startTime: nil, endTime: nil, limit: 5_000) {
                    totals[base, default: 0] += fill.isBuyer ? fill.quantity : -fill.quantity
                    totals[quote, default: 0] += fill.isBuyer ? -fill.quote : fill.quote
                    totals[fill.commissionAsset, default: 0] -= fill.commission
                }
            }
            for asset in [TestMarkets.btc, TestMarkets.usdt, TestMarkets.eth] {
                let balance = session.exchange.balance(of: account, asset)
                #expect(totals[asset, default: 0] == balance.free + balance.locked, "account \(account) asset \(asset)")
            }
        }
    }

    @Test(arguments: [46, 47] as [UInt64])
    func everyIntervalsTradedBarsAreTheTradesSummed(seed: UInt64) throws {
        let (session, store) = try Self.recorded(seed: seed)
        for market in Self.markets {
            for interval in KlineInterval.allCases {
                let expected = StoreOracle.klines(session.trades, market: market, interval: interval)
                let answer = try store.klines(market: market, interval: interval, startTime: 0, endTime: nil,
                                              limit: 5_000)
                // Gap bars count against the limit, so a long quiet spell can end the answer early.
                let traded = answer.filter { $0.trades > 0 }
                #expect(traded == Array(expected.prefix(traded.count)), "\(interval.rawValue)")
                if answer.count < 5_000 { #expect(traded.count == expected.count, "\(interval.rawValue)") }
                try expectContinuous(answer, interval)
            }
        }
    }

    @Test(arguments: [48] as [UInt64])
    func rollingStatsMatchAScanOfEveryTrade(seed: UInt64) throws {
        let (session, store) = try Self.recorded(seed: seed)
        let trades = session.trades
        #expect(trades.count > 50)
        var probes = trades.map(\.time)
        probes += probes.map { $0 + 1 } + probes.map { $0 - 1 } + probes.map { $0 + Fixtures.minute / 2 }
        for (index, now) in probes.enumerated() where index % 7 == 0 {
            for window in [Fixtures.day, Fixtures.hour, 90_000, 1] {
                for market in Self.markets {
                    #expect(try store.rollingStats(market: market, now: now, window: window)
                            == StoreOracle.rollingStats(trades, market: market, now: now, window: window),
                            "now \(now) window \(window) market \(market)")
                }
            }
        }
    }

    @Test func publicTradesAreTheTradeEvents() throws {
        let (session, store) = try Self.recorded(seed: 49)
        for market in Self.markets {
            let expected = session.trades.filter { $0.market == market }
            #expect(try store.trades(market: market, fromId: 1, limit: 5_000) == expected)
            #expect(try store.trades(market: market, startTime: 0, endTime: nil, limit: 5_000) == expected)
        }
    }

    /// Bars follow each other without holes; a bar without trades repeats the previous close.
    private func expectContinuous(_ bars: [Kline], _ interval: KlineInterval) throws {
        for (earlier, later) in zip(bars, bars.dropFirst()) {
            #expect(interval.openTime(after: earlier.openTime) == later.openTime, "\(interval.rawValue)")
            #expect(earlier.closeTime == later.openTime - 1)
            if later.trades == 0 {
                #expect([later.open, later.high, later.low, later.close] == Array(repeating: earlier.close, count: 4))
                #expect(later.volume == 0 && later.quoteVolume == 0 && later.takerBuyBase == 0)
            }
        }
    }
}
