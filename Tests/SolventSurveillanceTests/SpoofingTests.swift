import SolventCore
import SolventSurveillance
import SolventTestSupport
import Testing

@Suite("Surveillance: spoofing and layering")
struct SpoofingTests {
    /// A tape of trades of 10 steps at 100 between accounts 2 and 3; account 1 rests a small sell
    /// at the touch and `bids` large buys just under it; account 3 lifts the sell.
    private func leanOnTheBid(_ bids: [Price], size: Quantity = steps(300))
        -> (SurveilledExchange, bids: [OrderId], trade: Trade) {
        var x = SurveilledExchange()
        x.tape(3, usdt(100), steps(10))
        x.limit(1, .sell, usdt(100, 1), steps(10))
        let ids = bids.map { x.limit(1, .buy, $0, size) }
        x.limit(3, .buy, usdt(100, 1), steps(10))
        let trade = x.trades.first!
        #expect(trade.sellerAccount == 1)
        return (x, ids, trade)
    }

    @Test func largeBidCancelledSoonAfterSellingIsSpoofing() {
        var (x, bids, trade) = leanOnTheBid([usdt(99, 99)])
        x.cancel(1, bids[0])
        #expect(x.surveillance.alerts.isEmpty, "the alert waits for the cancel window to close")
        let alerts = x.wait(6_000)
        #expect(alerts.count == 1)
        let alert = alerts.first
        #expect(alert?.kind == .spoofing && alert?.accounts == [1] && alert?.orders == bids)
        #expect(alert?.trades == [trade.id] && alert?.prices == [usdt(99, 99)] && alert?.quantity == steps(300))
        #expect(alert?.firstTime == trade.time)
    }

    @Test func largeAskCancelledSoonAfterBuyingIsSpoofing() {
        var x = SurveilledExchange()
        x.tape(3, usdt(100), steps(10))
        x.limit(1, .buy, usdt(99, 99), steps(10))
        let ask = x.limit(1, .sell, usdt(100, 1), steps(300))
        x.limit(2, .sell, usdt(99, 99), steps(10))
        let trade = x.trades.first!
        x.cancel(1, ask)
        let alerts = x.wait(6_000)
        #expect(alerts.map(\.kind) == [.spoofing] && alerts.first?.orders == [ask] && alerts.first?.trades == [trade.id])
    }

    @Test func largeBidCancelledAfterTheWindowIsNotSpoofing() {
        var (x, bids, _) = leanOnTheBid([usdt(99, 99)])
        x.time += 5_001
        x.cancel(1, bids[0])
        #expect(x.wait(10_000).isEmpty && x.surveillance.alerts.isEmpty)
    }

    @Test func smallBidCancelledIsNotSpoofing() {
        var (x, bids, _) = leanOnTheBid([usdt(99, 99)], size: steps(190))
        x.cancel(1, bids[0])
        #expect(x.wait(6_000).isEmpty)
    }

    @Test func largeBidsAtThreeLevelsCancelledTogetherAreLayering() {
        var (x, bids, trade) = leanOnTheBid([usdt(99, 99), usdt(99, 98), usdt(99, 97)])
        x.run(.cancelAllOrders(1, TestMarkets.btcusdt))
        let alerts = x.wait(6_000)
        #expect(alerts.count == 1)
        #expect(alerts.first?.kind == .layering && alerts.first?.orders == bids && alerts.first?.trades == [trade.id])
        #expect(alerts.first?.prices == [usdt(99, 99), usdt(99, 98), usdt(99, 97)])
    }

    @Test func quotingBothSidesAndPullingABidIsNotSpoofing() {
        var x = SurveilledExchange()
        x.tape(3, usdt(100), steps(10))
        // A market maker: large quotes on both sides; one ask is lifted, a bid is pulled.
        x.limit(1, .sell, usdt(100, 1), steps(10))
        x.limit(1, .sell, usdt(100, 2), steps(300))
        let bid = x.limit(1, .buy, usdt(99, 99), steps(300))
        x.limit(3, .buy, usdt(100, 1), steps(10))
        x.cancel(1, bid)
        #expect(x.wait(6_000).isEmpty && x.surveillance.alerts.isEmpty)
    }

    @Test func largeBidFarFromTheTouchIsNotSpoofing() {
        var (x, bids, _) = leanOnTheBid([usdt(99)])  // 100 bp under the trade
        x.cancel(1, bids[0])
        #expect(x.wait(6_000).isEmpty)
    }
}
