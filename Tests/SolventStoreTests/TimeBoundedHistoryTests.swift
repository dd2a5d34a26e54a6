import SolventCore
import SolventStore
import Testing
import SolventTestSupport

/// allOrders and myTrades by time read an id range, not a time index: these check the answers
/// against the events themselves where that could go wrong: several accounts and markets in the
/// same millisecond, batches sharing a millisecond, and bounds on, just before and just after
/// the times orders and trades happened.
@Suite("Time-bounded allOrders and myTrades")
struct TimeBoundedHistoryTests {
    static let time = Fixtures.newYear2024
    static let markets = [TestMarkets.btcusdt, TestMarkets.ethusdt]

    /// Three accounts trading and resting orders in two markets at times `time`, `time` again
    /// (a second batch), `time + 1` and `time + 5`.
    static func recorded() throws -> RecordedExchange {
        var recorded = try RecordedExchange.funded(accounts: 3)
        let (a, b, c) = (recorded.accounts[0], recorded.accounts[1], recorded.accounts[2])
        for (offset, round) in [(0, 0), (0, 1), (1, 2), (5, 3)] {
            let at = time + Int64(offset)
            let price = TestMarkets.usdt(100 + Int64(round))
            try recorded.trade(TestMarkets.btcusdt, maker: a, taker: b, takerSide: .buy, price: price,
                               quantity: TestMarkets.btc(1), at: at)
            try recorded.trade(TestMarkets.ethusdt, maker: c, taker: a, takerSide: .sell, price: price,
                               quantity: 10_000, at: at)
            try recorded.batch(at: at, [
                .placeOrder(.limit(b, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(50), quantity: TestMarkets.btc(1))),
                .placeOrder(.limit(c, TestMarkets.btcusdt, .sell, price: TestMarkets.usdt(900), quantity: TestMarkets.btc(1))),
                .placeOrder(.limit(b, TestMarkets.ethusdt, .buy, price: TestMarkets.usdt(50), quantity: 10_000)),
            ])
        }
        return recorded
    }

    static let bounds: [Timestamp?] = [nil, time - 1, time, time + 1, time + 2, time + 4, time + 5, time + 6]

    @Test func allOrdersByTimeMatchTheEventsForEveryAccountMarketAndBound() throws {
        let recorded = try Self.recorded()
        let latest = recorded.events.latestOrders.values.sorted { $0.id < $1.id }
        for account in recorded.accounts {
            for market in Self.markets {
                let all = latest.filter { $0.account == account && $0.market == market }
                let froms: [OrderId?] = [nil, all[all.count / 2].id]
                for start in Self.bounds {
                    for end in Self.bounds {
                        for from in froms {
                            for limit in [1, 3, 500] {
                                let expected = Oracle.list(all, limit: limit, hasLowerBound: from != nil || start != nil) {
                                    $0.id >= (from ?? .min) && $0.createdAt >= (start ?? .min) && $0.createdAt <= (end ?? .max)
                                }
                                let answer = try recorded.store.orders(account: account, market: market, fromOrderId: from,
                                                                       startTime: start, endTime: end, limit: limit)
                                #expect(answer == expected, "account \(account) market \(market) from \(from as Any) \(start as Any)...\(end as Any) limit \(limit)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func myTradesByTimeMatchTheEventsForEveryAccountMarketAndBound() throws {
        let recorded = try Self.recorded()
        for account in recorded.accounts {
            for market in Self.markets {
                let all = StoreOracle.accountTrades(recorded.events, account: account, market: market)
                guard !all.isEmpty else { continue }
                let froms: [TradeId?] = [nil, all[all.count / 2].tradeId]
                for start in Self.bounds {
                    for end in Self.bounds {
                        for from in froms {
                            for limit in [1, 3, 500] {
                                let expected = Oracle.list(all, limit: limit, hasLowerBound: from != nil || start != nil) {
                                    $0.tradeId >= (from ?? .min) && $0.time >= (start ?? .min) && $0.time <= (end ?? .max)
                                }
                                let answer = try recorded.store.accountTrades(
                                    account: account, market: market, orderId: nil, fromId: from, startTime: start,
                                    endTime: end, limit: limit)
                                #expect(answer == expected, "account \(account) market \(market) from \(from as Any) \(start as Any)...\(end as Any) limit \(limit)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func timeBoundsAtTheExtremesOfTheTimestampRange() throws {
        let recorded = try Self.recorded()
        let account = recorded.accounts[0]
        let all = try recorded.store.orders(account: account, market: TestMarkets.btcusdt, fromOrderId: nil,
                                            startTime: nil, endTime: nil, limit: 500)
        #expect(!all.isEmpty)
        #expect(try recorded.store.orders(account: account, market: TestMarkets.btcusdt, fromOrderId: nil,
                                          startTime: .min, endTime: .max, limit: 500) == all)
        #expect(try recorded.store.orders(account: account, market: TestMarkets.btcusdt, fromOrderId: nil,
                                          startTime: .max, endTime: nil, limit: 500).isEmpty)
        #expect(try recorded.store.orders(account: account, market: TestMarkets.btcusdt, fromOrderId: nil,
                                          startTime: nil, endTime: .min, limit: 500).isEmpty)
        #expect(try recorded.store.accountTrades(account: account, market: TestMarkets.btcusdt, orderId: nil, fromId: nil,
                                                 startTime: .min, endTime: .max, limit: 500).count == 4)
    }

    /// Random sessions (every order type, cancels, amendments, days-long pauses): random
    /// windows give the answers the events give.
    @Test(arguments: [61, 62] as [UInt64])
    func randomWindowsAgreeWithTheEvents(seed: UInt64) throws {
        let session = RandomSession(seed: seed, commands: 1_500)
        let store = try SQLiteHistoryStore(inMemory: ())
        try session.recordAll(into: store)
        let latest = session.events.latestOrders.values.sorted { $0.id < $1.id }
        var rng = SplitMix64(seed: seed)
        let times = session.times
        for _ in 0..<200 {
            let account = RandomSession.accounts.randomElement(using: &rng)!
            let market = MarketId(Int.random(in: 0..<3, using: &rng))
            let start: Timestamp? = Bool.random(using: &rng) ? times.randomElement(using: &rng)! + Int64.random(in: -1...1, using: &rng) : nil
            let end: Timestamp? = Bool.random(using: &rng) ? times.randomElement(using: &rng)! + Int64.random(in: -1...1, using: &rng) : nil
            let limit = [1, 10, 5_000].randomElement(using: &rng)!
            let orders = latest.filter { $0.account == account && $0.market == market }
            let expectedOrders = Oracle.list(orders, limit: limit, hasLowerBound: start != nil) {
                $0.createdAt >= (start ?? .min) && $0.createdAt <= (end ?? .max)
            }
            #expect(try store.orders(account: account, market: market, fromOrderId: nil, startTime: start, endTime: end,
                                     limit: limit) == expectedOrders)
            let trades = StoreOracle.accountTrades(session.events, account: account, market: market)
            let expectedTrades = Oracle.list(trades, limit: limit, hasLowerBound: start != nil) {
                $0.time >= (start ?? .min) && $0.time <= (end ?? .max)
            }
            #expect(try store.accountTrades(account: account, market: market, orderId: nil, fromId: nil, startTime: start,
                                            endTime: end, limit: limit) == expectedTrades)
        }
    }
}

/// The list rule of `HistoryStore`, the obvious way.
private enum Oracle {
    /// `all` in id order, filtered; the oldest `limit` with a lower bound, else the newest.
    static func list<Row>(_ all: [Row], limit: Int, hasLowerBound: Bool, _ keep: (Row) -> Bool) -> [Row] {
        let kept = all.filter(keep)
        return hasLowerBound ? Array(kept.prefix(limit)) : Array(kept.suffix(limit))
    }
}
