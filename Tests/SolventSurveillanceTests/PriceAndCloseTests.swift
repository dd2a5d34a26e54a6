import SolventCore
import SolventSurveillance
import Testing

@Suite("Surveillance: marking the close and sudden moves")
struct PriceAndCloseTests {
    /// 2023-11-15 00:00:00 UTC, a daily close.
    private static let close: Timestamp = 1_700_006_400_000

    /// Accounts 2 and 3 trade at 100 an hour before the close; then, `before` ms ahead of the
    /// close, account 1 buys up the offers account 2 rests at 100.50, 101, 101.50 and 102.
    private func buyIntoTheClose(before: Timestamp) -> (SurveilledExchange, buys: [OrderId], trades: [TradeId]) {
        var x = SurveilledExchange(time: Self.close - 3_600_000)
        x.tape(2, usdt(100), steps(10))
        x.time = Self.close - before
        var buys: [OrderId] = [], trades: [TradeId] = []
        for price in [usdt(100, 50), usdt(101), usdt(101, 50), usdt(102)] {
            x.limit(2, .sell, price, steps(10))
            buys.append(x.market(1, .buy, steps(10)))
            trades += x.trades.map(\.id)
        }
        return (x, buys, trades)
    }

    @Test func buyingThePriceUpJustBeforeTheCloseIsMarkingTheClose() {
        var (x, buys, trades) = buyIntoTheClose(before: 60_000)
        #expect(x.surveillance.alerts.isEmpty, "judged at the close")
        x.time = Self.close + 1_000
        let alerts = x.wait(0)
        #expect(alerts.count == 1)
        let alert = alerts.first
        #expect(alert?.kind == .markingTheClose && alert?.accounts == [1] && alert?.time == Self.close)
        #expect(alert?.orders == buys && alert?.trades == trades && alert?.prices == [usdt(100), usdt(102)])
        #expect(alert?.quantity == steps(40))
    }

    @Test func theSameBuyingBeforeTheWindowIsNotMarkingTheClose() {
        var (x, _, _) = buyIntoTheClose(before: 6 * 60_000)
        x.time = Self.close + 1_000
        #expect(x.wait(0).isEmpty && x.surveillance.alerts.isEmpty)
    }

    @Test func aTradeBeyondTheBandIsASuddenMove() {
        var x = SurveilledExchange()
        x.tape(1, usdt(100), steps(10))
        let reference = x.trades.first!
        x.limit(2, .sell, usdt(105), steps(10))
        let taker = x.market(3, .buy, steps(10))
        let jump = x.trades.first!
        let alerts = x.surveillance.alerts
        #expect(alerts.count == 1)
        #expect(alerts.first?.kind == .priceMove && alerts.first?.trades == [reference.id, jump.id])
        #expect(alerts.first?.prices == [usdt(100), usdt(105)] && alerts.first?.orders == [taker])
        #expect(alerts.first?.accounts == [3])
    }

    @Test func aTradeInsideTheBandIsNotASuddenMove() {
        var x = SurveilledExchange()
        x.tape(2, usdt(100), steps(10))
        x.limit(2, .sell, usdt(104, 99), steps(10))
        x.market(3, .buy, steps(10))
        #expect(x.trades.count == 1 && x.surveillance.alerts.isEmpty)
    }

    @Test func aMoveSlowerThanTheWindowIsNotASuddenMove() {
        var x = SurveilledExchange()
        x.tape(2, usdt(100), steps(10))
        x.time += 61_000
        x.limit(2, .sell, usdt(105), steps(10))
        x.market(3, .buy, steps(10))
        #expect(x.trades.count == 1 && x.surveillance.alerts.isEmpty)
    }

    @Test func reportsCountEachDaysTradingAndAlertsPerMarket() {
        var (x, _, _) = buyIntoTheClose(before: 60_000)
        x.time = Self.close + 1_000
        x.wait(0)
        let day = DailyMarketReport.day(of: Self.close - 1)
        let reports = x.surveillance.reports(day: day)
        #expect(reports.count == 1)
        #expect(reports.first?.trades == 6 && reports.first?.volume == steps(60))
        #expect(reports.first?.open == usdt(100) && reports.first?.close == usdt(102) && reports.first?.high == usdt(102))
        // The close is judged at 00:00 of the next day, so its alert counts there.
        #expect(x.surveillance.reports(day: day + 1).first?.alerts[.markingTheClose] == 1)
        #expect(reports.first?.alerts[.markingTheClose] == 0)
    }
}
