import SolventCore
import SolventStore
import Testing
import SolventTestSupport

@Suite("Rolling 24 h statistics")
struct RollingStatsTests {
    @Test func theWindowIsExactToTheMillisecondAtBothEnds() throws {
        var recorded = try RecordedExchange.funded(accounts: 2)
        let (alice, bob) = (recorded.accounts[0], recorded.accounts[1])
        let now = Fixtures.newYear2024 + 2 * Fixtures.day + 30_500
        let start = now - Fixtures.day
        func trade(_ whole: Int64, _ steps: Int64, at time: Timestamp) throws -> Trade {
            try recorded.trade(maker: alice, taker: bob, takerSide: .buy, price: TestMarkets.usdt(whole),
                               quantity: TestMarkets.btc(steps), at: time).trade
        }
        _ = try trade(90, 1, at: start - 1)                          // before the window
        let first = try trade(100, 1, at: start)                     // its first millisecond
        _ = try trade(120, 2, at: start + 14_500)                    // the partial minute at its start
        _ = try trade(80, 3, at: start + 12 * Fixtures.hour)         // a whole minute inside
        let last = try trade(105, 1, at: now - 20_500)               // the partial minute at its end
        _ = try trade(200, 5, at: now + 1)                           // after it
        let stats = try recorded.store.rollingStats(market: TestMarkets.btcusdt, now: now, window: Fixtures.day)
        let quote = (100 * 1 + 120 * 2 + 80 * 3 + 105 * 1) * 1_000 as Int64
        #expect(stats == RollingStats(
            openTime: start, closeTime: now, openPrice: TestMarkets.usdt(100), highPrice: TestMarkets.usdt(120),
            lowPrice: TestMarkets.usdt(80), lastPrice: TestMarkets.usdt(105), lastQuantity: TestMarkets.btc(1),
            volume: TestMarkets.btc(7), quoteVolume: quote, tradeCount: 4, firstTradeId: first.id, lastTradeId: last.id,
            previousClose: TestMarkets.usdt(90)))
        #expect(try recorded.store.rollingStats(market: TestMarkets.btcusdt, now: now + 3 * Fixtures.day,
                                                window: Fixtures.day) == nil, "nothing traded in the window")
        #expect(try recorded.store.rollingStats(market: TestMarkets.ethusdt, now: now, window: Fixtures.day) == nil)
    }

    @Test func aWindowShorterThanAMinuteReadsTradesOnly() throws {
        var recorded = try RecordedExchange.funded(accounts: 2)
        let (alice, bob) = (recorded.accounts[0], recorded.accounts[1])
        let t = Fixtures.newYear2024 + 59_990
        let first = try recorded.trade(maker: alice, taker: bob, takerSide: .sell, price: TestMarkets.usdt(10),
                                       quantity: TestMarkets.btc(1), at: t).trade
        let second = try recorded.trade(maker: alice, taker: bob, takerSide: .sell, price: TestMarkets.usdt(11),
                                        quantity: TestMarkets.btc(1), at: t + 20).trade
        let stats = try #require(try recorded.store.rollingStats(market: TestMarkets.btcusdt, now: t + 20, window: 20))
        #expect(stats.firstTradeId == first.id && stats.lastTradeId == second.id)
        #expect(stats.openPrice == TestMarkets.usdt(10) && stats.lastPrice == TestMarkets.usdt(11))
        #expect(stats.previousClose == nil)
    }
}
