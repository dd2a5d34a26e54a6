import SolventCore
import SolventSurveillance
import SolventTestSupport
import Testing

/// `solvent demo`'s traders (`Sources/solvent/Demo/Exchange/DemoTrading.swift`), replayed on an
/// engine: one maker walks each market's mid by up to 2 bp, pulls its quotes and quotes four
/// levels a side of 1,000 to 40,000 steps every 150 ms per market; three takers send market
/// orders of 100 to 5,000 steps at pauses of 0.3 to 1.5 s. Ten minutes of it, across a daily
/// close, is ordinary market making: nothing may be flagged.
@Suite("Surveillance: the demo's market making")
struct DemoMarketMakingTests {
    private struct Market {
        let id: MarketId
        let step: Int64
        var mid: Int64
    }

    private static let close: Timestamp = 1_700_006_400_000

    @Test func demoMarketMakingAcrossACloseRaisesNoAlert() {
        let x = Self.demo(SurveillanceThresholds())
        #expect(x.surveillance.alerts.isEmpty, "\(x.surveillance.alerts.prefix(3))")
        #expect(x.surveillance.reports(day: DailyMarketReport.day(of: Self.close - 1)).count == 2)
    }

    /// What keeps the maker apart from a spoofer is that it quotes both sides: judged without
    /// that (and with any order large), its pulled quotes look like spoofing and layering.
    @Test func demoMarketMakingIsFlaggedWithoutTheTwoSidedCheck() {
        var loose = SurveillanceThresholds()
        loose.spoofImbalanceMultiple = 1
        loose.spoofSizeMultiple = 2
        let kinds = Set(Self.demo(loose).surveillance.alerts.map(\.kind))
        #expect(!kinds.isEmpty && kinds.isSubset(of: [.spoofing, .layering]), "\(kinds)")
    }

    private static func demo(_ thresholds: SurveillanceThresholds) -> SurveilledExchange {
        var x = SurveilledExchange(accounts: 4, thresholds: thresholds, time: close - 5 * 60_000)
        x.step = 0
        var random = SplitMix64(seed: 18)
        var markets = [Market(id: TestMarkets.btcusdt, step: 1_000, mid: 6_500_000),
                       Market(id: TestMarkets.ethusdt, step: 10_000, mid: 340_000)]
        let maker: AccountId = 1
        var makerNext = x.time, takerNext: [Timestamp] = [x.time + 300, x.time + 700, x.time + 1_100]
        var marketIndex = 0, trades = 0, cancels = 0
        let end = close + 5 * 60_000
        while x.time < end {
            if makerNext <= takerNext.min()! {
                x.time = makerNext
                let spacing = max(1, markets[marketIndex].mid / 5_000)
                markets[marketIndex].mid += Int64.random(in: -spacing...spacing, using: &random)
                let market = markets[marketIndex]
                x.run(.cancelAllOrders(maker, market.id))
                for case .order(let report) in x.events where report.execution == .canceled { cancels += 1 }
                for level in Int64(1)...4 {
                    for (side, ticks) in [(Side.buy, market.mid - level * spacing), (.sell, market.mid + level * spacing)] {
                        let quantity = Int64.random(in: 1_000...40_000, using: &random) * market.step
                        x.limit(maker, side, ticks * 1_000_000, quantity, market: market.id)
                    }
                }
                marketIndex = (marketIndex + 1) % markets.count
                makerNext += 150
            } else {
                let taker = takerNext.firstIndex(of: takerNext.min()!)!
                x.time = takerNext[taker]
                let market = markets[Int.random(in: 0..<markets.count, using: &random)]
                let side: Side = Bool.random(using: &random) ? .buy : .sell
                x.market(AccountId(2 + taker), side, Int64.random(in: 100...5_000, using: &random) * market.step,
                         market: market.id)
                trades += x.trades.count
                takerNext[taker] += Int64.random(in: 300...1_500, using: &random)
            }
        }
        x.wait(10_000)
        #expect(trades > 1_000, "the takers traded")
        #expect(cancels > 10_000, "the maker pulled its quotes")
        return x
    }
}
