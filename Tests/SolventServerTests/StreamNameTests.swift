import SolventStore
import Testing
@testable import SolventServer

/// Stream names as the four clients spell them (spec §5.3), and the names that carry nothing.
@Suite struct StreamNameTests {
    private func kind(_ name: String) -> StreamKind? {
        guard case .market("BTCUSDT", let kind)? = MarketStreamName.parse(name) else { return nil }
        return kind
    }

    @Test func realTimeStreams() {
        #expect(kind("btcusdt@trade") == .trade)
        #expect(kind("btcusdt@aggTrade") == .aggregateTrade)
        #expect(kind("btcusdt@bookTicker") == .bookTicker)
        #expect(kind("btcusdt@ticker") == .ticker)
        #expect(kind("btcusdt@miniTicker") == .miniTicker)
        #expect(kind("btcusdt@avgPrice") == .averagePrice)
    }

    @Test func depthSpellingsIncludingTheUndocumented1000ms() {
        #expect(kind("btcusdt@depth") == .depthDiff(fast: false))
        #expect(kind("btcusdt@depth@1000ms") == .depthDiff(fast: false))
        #expect(kind("btcusdt@depth@100ms") == .depthDiff(fast: true))
        #expect(kind("btcusdt@depth5") == .depthPartial(levels: 5, fast: false))
        #expect(kind("btcusdt@depth10@100ms") == .depthPartial(levels: 10, fast: true))
        #expect(kind("btcusdt@depth20@1000ms") == .depthPartial(levels: 20, fast: false))
        #expect(kind("btcusdt@depth15") == nil)
        #expect(kind("btcusdt@depth@250ms") == nil)
    }

    @Test func klinesByIntervalCaseSensitively() {
        #expect(kind("btcusdt@kline_1m") == .kline(.oneMinute))
        #expect(kind("btcusdt@kline_1M") == .kline(.oneMonth))
        #expect(kind("btcusdt@kline_1s") == .kline(.oneSecond))
        #expect(kind("btcusdt@kline_7m") == nil)
        #expect(kind("btcusdt@kline_1m@+08:00") == nil)
    }

    @Test func allMarketArrays() {
        #expect(MarketStreamName.parse("!miniTicker@arr") == .allMiniTickers)
        #expect(MarketStreamName.parse("!miniTicker@arr@1000ms") == .allMiniTickers)
        #expect(MarketStreamName.parse("!ticker@arr") == .allTickers)
        #expect(MarketStreamName.parse("!bookTicker") == nil)
    }

    @Test func namesThatAreNoMarketStream() {
        #expect(MarketStreamName.parse("0") == nil)  // ccxt.pro's connection index
        #expect(MarketStreamName.parse("BTCUSDT@trade") == nil)  // symbols are lower case
        #expect(MarketStreamName.parse("btcusdt@trades") == nil)
        #expect(MarketStreamName.parse("btcusdt@trade@100ms") == nil)
        #expect(MarketStreamName.parse("pqDxHHXf1Tfbp9ZRJlr3H0x7tXEBEs3Zy2Qp7Ph0v6VkHbYpvn9n1gAFq6Kz") == nil)
    }
}
