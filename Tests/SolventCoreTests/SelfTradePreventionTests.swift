import Testing
@testable import SolventCore
import SolventTestSupport

private let btcusdt = TestMarkets.btcusdt
private func price(_ whole: Int64) -> Price { TestMarkets.usdt(whole) }
private func qty(_ steps: Int64) -> Quantity { TestMarkets.btc(steps) }

@Suite("Self-trade prevention")
struct SelfTradePreventionTests {
    /// Account 1 rests a sell of 10 at 100, then sends a buy of `quantity` at 100 with `mode`.
    private func selfCross(_ mode: SelfTradePreventionMode, buy quantity: Quantity = qty(10))
        -> (TestExchange<ScenarioBook>, maker: OrderId, events: [Event]) {
        var x = TestExchange<ScenarioBook>()
        let maker = x.limit(1, .sell, price: price(100), quantity: qty(10)).newOrderId!
        let events = x.limit(1, .buy, price: price(100), quantity: quantity, stp: mode)
        return (x, maker, events)
    }

    @Test func noneLetsTheAccountTradeWithItself() {
        let (_, _, events) = selfCross(.none)
        #expect(events.trades.count == 1)
    }

    @Test func stpExpireTakerEndsTheTakerAndLeavesTheMaker() {
        let (x, maker, events) = selfCross(.expireTaker)
        let taker = events.newOrderId!
        #expect(events.trades.isEmpty)
        let report = events.orderEvents.last { $0.order.id == taker }!
        #expect(report.execution == .tradePrevention && report.order.status == .expiredInMatch)
        #expect(report.order.preventedQuantity == qty(10))
        #expect(report.prevented.makerOrderId == maker)
        #expect(x.engine.openOrder(btcusdt, maker) != nil)
    }

    @Test func stpExpireMakerCancelsRestingOrderAndTradesNothing() {
        let (x, maker, events) = selfCross(.expireMaker)
        #expect(events.trades.isEmpty)
        #expect(events.lastStatus(of: maker) == .expiredInMatch)
        #expect(x.engine.openOrder(btcusdt, maker) == nil)
        // The taker went on and rests, since nothing else was there.
        #expect(x.engine.bestPrice(btcusdt, .buy) == price(100))
    }

    @Test func stpExpireMakerGoesOnToTradeWithOthers() {
        var x = TestExchange<ScenarioBook>()
        let own = x.limit(1, .sell, price: price(100), quantity: qty(10)).newOrderId!
        let other = x.limit(2, .sell, price: price(100), quantity: qty(10)).newOrderId!
        let events = x.limit(1, .buy, price: price(100), quantity: qty(10), stp: .expireMaker)
        #expect(events.lastStatus(of: own) == .expiredInMatch)
        #expect(events.trades.map(\.sellerOrderId) == [other])
    }

    @Test func stpExpireBothEndsBoth() {
        let (x, maker, events) = selfCross(.expireBoth)
        #expect(events.lastStatus(of: maker) == .expiredInMatch)
        #expect(events.lastStatus(of: events.newOrderId!) == .expiredInMatch)
        #expect(x.engine.bestPrice(btcusdt, .buy) == nil && x.engine.bestPrice(btcusdt, .sell) == nil)
    }

    @Test func stpDecrementShrinksBothAndEndsTheSmaller() {
        let (x, maker, events) = selfCross(.decrement, buy: qty(4))
        let taker = events.newOrderId!
        #expect(events.trades.isEmpty)
        #expect(events.lastStatus(of: taker) == .expiredInMatch)
        let rest = x.engine.openOrder(btcusdt, maker)!
        #expect(rest.preventedQuantity == qty(4) && rest.remainingQuantity == qty(6))
        #expect(x.balance(1, TestMarkets.btc).locked == qty(6))
    }

    @Test func stpDecrementEqualQuantitiesEndsBoth() {
        let (_, maker, events) = selfCross(.decrement)
        #expect(events.lastStatus(of: maker) == .expiredInMatch)
        #expect(events.lastStatus(of: events.newOrderId!) == .expiredInMatch)
    }

    @Test func modesOutsideTheAllowedSetAreRejected() {
        var x = TestExchange<ScenarioBook>()
        var spec = TestMarkets.spec("SOLUSDT", base: TestMarkets.eth, quote: TestMarkets.usdt,
                                    tick: 1_000_000, step: 10_000)
        spec.allowedSelfTradePreventionModes = [.none, .expireMaker]
        #expect(x.run(.listMarket(spec)).rejections.isEmpty)
        let order = NewOrder.limit(1, 3, .buy, price: price(10), quantity: 10_000, selfTradePreventionMode: .decrement)
        #expect(x.place(order).rejections == [.selfTradePreventionModeNotAllowed])
    }
}
