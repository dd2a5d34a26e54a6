import SolventCore
import SolventStore
import Testing
import SolventTestSupport

@Suite("Klines from recorded trades")
struct KlineTests {
    let start: RecordedExchange
    let alice: AccountId
    let bob: AccountId
    let t0 = Fixtures.newYear2024

    init() throws {
        start = try RecordedExchange.funded(accounts: 2)
        alice = start.accounts[0]
        bob = start.accounts[1]
    }

    /// Quote of `steps` × 0.00001 BTC at `whole` USDT: whole × steps × 1,000 units.
    func quote(_ whole: Int64, _ steps: Int64) -> Int64 { whole * steps * 1_000 }

    private func trade(_ recorded: inout RecordedExchange, _ whole: Int64, _ steps: Int64, _ takerSide: Side,
                       at time: Timestamp) throws {
        try recorded.trade(maker: alice, taker: bob, takerSide: takerSide, price: TestMarkets.usdt(whole),
                           quantity: TestMarkets.btc(steps), at: time)
    }

    @Test func minuteAndHourBarsSumTheirTradesAndQuietMinutesRepeatTheClose() throws {
        var recorded = start
        try trade(&recorded, 100, 1, .buy, at: t0 + 1_000)
        try trade(&recorded, 105, 2, .sell, at: t0 + 20_000)
        try trade(&recorded, 98, 1, .buy, at: t0 + 59_999)
        try trade(&recorded, 101, 3, .buy, at: t0 + 60_000)
        try trade(&recorded, 99, 1, .sell, at: t0 + 3 * Fixtures.minute + 5_000)
        let store = recorded.store
        let minutes = try store.klines(market: TestMarkets.btcusdt, interval: .oneMinute, startTime: t0, endTime: nil, limit: 500)
        let minute = Fixtures.minute
        #expect(minutes == [
            Kline(openTime: t0, closeTime: t0 + minute - 1, open: TestMarkets.usdt(100), high: TestMarkets.usdt(105),
                  low: TestMarkets.usdt(98), close: TestMarkets.usdt(98), volume: TestMarkets.btc(4),
                  quoteVolume: quote(100, 1) + quote(105, 2) + quote(98, 1), trades: 3,
                  takerBuyBase: TestMarkets.btc(2), takerBuyQuote: quote(100, 1) + quote(98, 1)),
            Kline(openTime: t0 + minute, closeTime: t0 + 2 * minute - 1, open: TestMarkets.usdt(101),
                  high: TestMarkets.usdt(101), low: TestMarkets.usdt(101), close: TestMarkets.usdt(101), volume: TestMarkets.btc(3),
                  quoteVolume: quote(101, 3), trades: 1, takerBuyBase: TestMarkets.btc(3), takerBuyQuote: quote(101, 3)),
            Kline(openTime: t0 + 2 * minute, closeTime: t0 + 3 * minute - 1, open: TestMarkets.usdt(101),
                  high: TestMarkets.usdt(101), low: TestMarkets.usdt(101), close: TestMarkets.usdt(101), volume: 0,
                  quoteVolume: 0, trades: 0, takerBuyBase: 0, takerBuyQuote: 0),
            Kline(openTime: t0 + 3 * minute, closeTime: t0 + 4 * minute - 1, open: TestMarkets.usdt(99),
                  high: TestMarkets.usdt(99), low: TestMarkets.usdt(99), close: TestMarkets.usdt(99), volume: TestMarkets.btc(1),
                  quoteVolume: quote(99, 1), trades: 1, takerBuyBase: 0, takerBuyQuote: 0),
        ])
        let hours = try store.klines(market: TestMarkets.btcusdt, interval: .oneHour, startTime: nil, endTime: nil, limit: 500)
        #expect(hours == [
            Kline(openTime: t0, closeTime: t0 + Fixtures.hour - 1, open: TestMarkets.usdt(100), high: TestMarkets.usdt(105),
                  low: TestMarkets.usdt(98), close: TestMarkets.usdt(99), volume: TestMarkets.btc(8),
                  quoteVolume: quote(100, 1) + quote(105, 2) + quote(98, 1) + quote(101, 3) + quote(99, 1), trades: 5,
                  takerBuyBase: TestMarkets.btc(5), takerBuyQuote: quote(100, 1) + quote(98, 1) + quote(101, 3)),
        ])
        let seconds = try store.klines(market: TestMarkets.btcusdt, interval: .oneSecond, startTime: t0 + 59_000,
                                       endTime: t0 + 60_000, limit: 500)
        #expect(seconds.map(\.openTime) == [t0 + 59_000, t0 + 60_000])
        #expect(seconds.map(\.close) == [TestMarkets.usdt(98), TestMarkets.usdt(101)])
        #expect(try store.klines(market: TestMarkets.ethusdt, interval: .oneMinute, startTime: nil, endTime: nil,
                                 limit: 500).isEmpty)
    }

    @Test func weekBarsBreakAtMondayMidnightAndThreeDayBarsAtEpochMultiples() throws {
        var recorded = start
        let nextMonday = t0 + 7 * Fixtures.day
        try trade(&recorded, 100, 1, .buy, at: nextMonday - 1)
        try trade(&recorded, 110, 1, .buy, at: nextMonday)
        let store = recorded.store
        let weeks = try store.klines(market: TestMarkets.btcusdt, interval: .oneWeek, startTime: nil, endTime: nil, limit: 500)
        #expect(weeks.map(\.openTime) == [t0, nextMonday])
        #expect(weeks.map(\.closeTime) == [nextMonday - 1, nextMonday + 7 * Fixtures.day - 1])
        #expect(weeks.map(\.close) == [TestMarkets.usdt(100), TestMarkets.usdt(110)])
        let days = try store.klines(market: TestMarkets.btcusdt, interval: .oneDay, startTime: nil, endTime: nil, limit: 500)
        #expect(days.map(\.openTime) == [nextMonday - Fixtures.day, nextMonday])
        let threeDays = try store.klines(market: TestMarkets.btcusdt, interval: .threeDays, startTime: nil, endTime: nil,
                                         limit: 500)
        #expect(threeDays.map(\.openTime) == [1_704_499_200_000], "2024-01-06 ... 2024-01-08 is one bar")
        #expect(threeDays.first?.trades == 2)
    }

    /// A `timeZone` window holding more base bars than one store query returns: the newest bars
    /// are answered without a start, the ones from the start with one, each with all its trades.
    @Test func shiftedBarsOverALongWindowAreTheOnesAskedFor() throws {
        var recorded = start
        let day = Fixtures.day
        let offset: Int64 = 19_800_000  // +5:30, so daily bars are merged from quarter hours
        try trade(&recorded, 100, 1, .buy, at: t0 + 3 * Fixtures.minute)
        try trade(&recorded, 110, 2, .sell, at: t0 + 600 * day)
        let now = t0 + 600 * day + 3_600_000
        // 200 daily bars are 19,200 quarter hours, beyond one query's 5,000.
        let newest = try ShiftedKlines.bars(recorded.store, market: TestMarkets.btcusdt, interval: .oneDay, offset: offset,
                                            startTime: nil, endTime: nil, limit: 200, now: now)
        #expect(newest.count == 200)
        #expect(newest.last?.trades == 1 && newest.last?.volume == TestMarkets.btc(2), "\(String(describing: newest.last))")
        #expect(newest.last.map { $0.openTime <= t0 + 600 * day && t0 + 600 * day <= $0.closeTime } == true)
        #expect(zip(newest, newest.dropFirst()).allSatisfy { $1.openTime == $0.closeTime + 1 && $1.openTime - $0.openTime == day })
        #expect(newest.dropLast().allSatisfy { $0.trades == 0 })
        let fromStart = try ShiftedKlines.bars(recorded.store, market: TestMarkets.btcusdt, interval: .oneDay, offset: offset,
                                               startTime: t0 - offset, endTime: nil, limit: 200, now: now)
        #expect(fromStart.count == 200 && fromStart.first?.openTime == t0 - offset && fromStart.first?.trades == 1)
        #expect(fromStart.last?.openTime == t0 - offset + 199 * day)
    }

    @Test func monthBarsBreakOnTheFirstAndQuietMonthsAreGapBars() throws {
        var recorded = start
        let february = KlineIntervalTests.february2024
        let april: Timestamp = 1_711_929_600_000
        try trade(&recorded, 100, 1, .buy, at: february - 1)
        try trade(&recorded, 120, 2, .sell, at: february)
        try trade(&recorded, 130, 1, .buy, at: april + 5 * Fixtures.day)
        let months = try recorded.store.klines(market: TestMarkets.btcusdt, interval: .oneMonth, startTime: nil,
                                               endTime: nil, limit: 500)
        #expect(months.map(\.openTime) == [t0, february, KlineIntervalTests.march2024, april])
        #expect(months.map(\.closeTime) == [february - 1, KlineIntervalTests.march2024 - 1, april - 1,
                                            1_714_521_600_000 - 1])
        #expect(months.map(\.trades) == [1, 1, 0, 1])
        #expect(months[2].open == TestMarkets.usdt(120) && months[2].close == TestMarkets.usdt(120) && months[2].volume == 0)
    }

    @Test func limitStartTimeAndEndTimeChooseWhichBars() throws {
        var recorded = start
        // Trades in minutes 0, 1, 2, 5 and 6 of the hour.
        for minute: Int64 in [0, 1, 2, 5, 6] {
            try trade(&recorded, 100 + minute, 1, .buy, at: t0 + minute * Fixtures.minute + 30_000)
        }
        let store = recorded.store
        func opens(start: Timestamp? = nil, end: Timestamp? = nil, limit: Int) throws -> [Int64] {
            try store.klines(market: TestMarkets.btcusdt, interval: .oneMinute, startTime: start, endTime: end, limit: limit)
                .map { ($0.openTime - t0) / Fixtures.minute }
        }
        #expect(try opens(limit: 500) == [0, 1, 2, 3, 4, 5, 6])
        #expect(try opens(limit: 3) == [4, 5, 6], "no bounds: the newest bars, gap bars included")
        #expect(try opens(start: t0 + Fixtures.minute, limit: 3) == [1, 2, 3], "startTime: oldest from it")
        #expect(try opens(start: t0 + 1, limit: 500) == [1, 2, 3, 4, 5, 6], "a bar opened before startTime is out")
        #expect(try opens(end: t0 + 2 * Fixtures.minute, limit: 500) == [0, 1, 2])
        #expect(try opens(end: t0 + 5 * Fixtures.minute - 1, limit: 2) == [1, 2], "gaps only between returned bars")
        #expect(try opens(start: t0 + 2 * Fixtures.minute, end: t0 + 5 * Fixtures.minute, limit: 500) == [2, 3, 4, 5])
        #expect(try opens(start: 0, end: 1, limit: 1_000).isEmpty, "python-binance's first probe finds nothing")
        #expect(try opens(limit: 0).isEmpty)
    }

    @Test func barsOfOneSecondMergeAcrossBatches() throws {
        var recorded = start
        try trade(&recorded, 100, 1, .buy, at: t0 + 10)
        try trade(&recorded, 90, 2, .sell, at: t0 + 20)
        try trade(&recorded, 95, 1, .buy, at: t0 + 999)
        let seconds = try recorded.store.klines(market: TestMarkets.btcusdt, interval: .oneSecond, startTime: nil,
                                                endTime: nil, limit: 500)
        #expect(seconds.count == 1)
        #expect(seconds.first.map { [$0.open, $0.high, $0.low, $0.close] }
                == [TestMarkets.usdt(100), TestMarkets.usdt(100), TestMarkets.usdt(90), TestMarkets.usdt(95)])
        #expect(seconds.first?.volume == TestMarkets.btc(4))
        #expect(seconds.first?.closeTime == t0 + 999)
    }
}
