import SolventCore
import SolventSurveillance
import Testing

@Suite("Surveillance: wash trades")
struct WashTradeTests {
    @Test func tradeWithItselfIsAWashTradeWithItsOrdersAndTrade() {
        var x = SurveilledExchange()
        let sell = x.limit(1, .sell, usdt(100), steps(10))
        let buy = x.limit(1, .buy, usdt(100), steps(10))
        let trade = x.trades.first!
        let alerts = x.surveillance.alerts
        #expect(alerts.count == 1)
        let alert = alerts[0]
        #expect(alert.kind == .washTrade && alert.accounts == [1])
        #expect(alert.orders == [buy, sell] && alert.trades == [trade.id])
        #expect(alert.prices == [usdt(100)] && alert.quantity == steps(10) && alert.time == trade.time)
    }

    @Test func linkedAccountsOnBothSidesAreAWashTrade() {
        var x = SurveilledExchange(links: LinkedAccounts([[1, 3]]))
        let sell = x.limit(1, .sell, usdt(100), steps(10))
        let buy = x.limit(3, .buy, usdt(100), steps(10))
        let alert = x.surveillance.alerts.first
        #expect(x.surveillance.alerts.count == 1)
        #expect(alert?.kind == .washTrade && alert?.accounts == [3, 1] && alert?.orders == [buy, sell])
    }

    @Test func unlinkedAccountsTradingIsNotAWashTrade() {
        var x = SurveilledExchange(links: LinkedAccounts([[1, 4]]))
        x.limit(1, .sell, usdt(100), steps(10))
        x.limit(3, .buy, usdt(100), steps(10))
        #expect(x.trades.count == 1)
        #expect(x.surveillance.alerts.isEmpty)
    }

    @Test func matchStoppedBySelfTradePreventionIsAWashTradeOnce() {
        var x = SurveilledExchange()
        let maker = x.limit(1, .sell, usdt(100), steps(10))
        let taker = x.limit(1, .buy, usdt(100), steps(10), stp: .expireBoth)
        #expect(x.trades.isEmpty)
        let alerts = x.surveillance.alerts
        // EXPIRE_BOTH reports the one prevented match on both orders: one alert.
        #expect(alerts.count == 1)
        #expect(alerts.first?.kind == .washTrade && alerts.first?.orders == [taker, maker])
        #expect(alerts.first?.preventedMatches.count == 1 && alerts.first?.trades == [])
    }

    @Test func linkingJoinsGroupsThatShareAnAccount() {
        let links = LinkedAccounts([[1, 2], [2, 3], [5, 6]])
        #expect(links.linked(1, 3) && links.linked(3, 1))
        #expect(!links.linked(1, 5) && !links.linked(1, 1) && !links.linked(4, 1))
    }
}
