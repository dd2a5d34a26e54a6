import Testing
@testable import SolventCore
import SolventTestSupport

private let btcusdt = TestMarkets.btcusdt
private func price(_ whole: Int64) -> Price { TestMarkets.usdt(whole) }
private func qty(_ steps: Int64) -> Quantity { TestMarkets.btc(steps) }

@Suite("Stop-loss and take-profit orders")
struct StopOrderTests {
    /// A market whose last trade was at 100.
    private func tradedAt100() -> TestExchange<ScenarioBook> {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(1))
        x.limit(2, .buy, price: price(100), quantity: qty(1))
        return x
    }

    private func stop(_ account: AccountId, _ side: Side, _ type: OrderType, stop: Price, limit: Price? = nil,
                      quantity: Quantity = qty(10)) -> NewOrder {
        NewOrder(account: account, market: btcusdt, side: side, type: type,
                 timeInForce: limit == nil ? nil : .gtc, quantity: quantity, price: limit, stopPrice: stop)
    }

    @Test func stopThatWouldTriggerAtOnceIsRejected() {
        var x = tradedAt100()
        #expect(x.place(stop(1, .buy, .stopLoss, stop: price(100))).rejections == [.wouldTriggerImmediately])
        #expect(x.place(stop(1, .sell, .stopLoss, stop: price(101))).rejections == [.wouldTriggerImmediately])
        #expect(x.place(stop(1, .buy, .takeProfit, stop: price(101))).rejections == [.wouldTriggerImmediately])
        #expect(x.place(stop(1, .sell, .takeProfit, stop: price(99))).rejections == [.wouldTriggerImmediately])
    }

    @Test func waitingStopIsNotOnTheBookAndHasNoWorkingTime() {
        var x = tradedAt100()
        let events = x.place(stop(1, .sell, .stopLossLimit, stop: price(95), limit: price(94)))
        let order = events.orderEvents.first!.order
        #expect(order.workingTime == -1 && order.status == .new)
        #expect(x.engine.openOrders(btcusdt, .sell).isEmpty)
        #expect(x.balance(1, TestMarkets.btc).locked == qty(10))
    }

    @Test func stopLossSellFiresWhenTheLastPriceFallsToItAndTradesAsMarket() {
        var x = tradedAt100()
        let stopId = x.place(stop(1, .sell, .stopLoss, stop: price(95))).newOrderId!
        x.limit(3, .buy, price: price(90), quantity: qty(50))
        // A trade at 95 fires the stop, which then sells into the bid at 90.
        x.limit(2, .buy, price: price(95), quantity: qty(1))
        let events = x.limit(3, .sell, price: price(95), quantity: qty(1))
        let reports = events.orderEvents.filter { $0.order.id == stopId }
        #expect(reports.first?.execution == .new && reports.first?.order.isTriggered == true)
        #expect(reports.last?.order.status == .filled)
        #expect(events.trades.last?.price == price(90))
    }

    @Test func firedStopsCascadeInStopPriceOrder() {
        var x = tradedAt100()
        let near = x.place(stop(1, .sell, .stopLossLimit, stop: price(99), limit: price(97), quantity: qty(5))).newOrderId!
        let far = x.place(stop(1, .sell, .stopLossLimit, stop: price(97), limit: price(96), quantity: qty(5))).newOrderId!
        x.limit(3, .buy, price: price(98), quantity: qty(5))
        x.limit(3, .buy, price: price(97), quantity: qty(5))
        // Trading at 99 fires `near`, which sells at 98; that does not reach 97 ...
        x.limit(3, .buy, price: price(99), quantity: qty(1))
        var events = x.limit(2, .sell, price: price(99), quantity: qty(1))
        #expect(events.lastStatus(of: near) == .filled)
        #expect(x.engine.openOrder(btcusdt, far)?.isPendingTrigger == true)
        // ... until a trade at 97 does.
        events = x.limit(2, .sell, price: price(97), quantity: qty(1))
        #expect(events.lastStatus(of: far) == .filled || events.lastStatus(of: far) == .partiallyFilled)
    }

    @Test func takeProfitBuyFiresOnAFallAndReservesAtItsStopUntilThen() {
        var x = tradedAt100()
        let before = x.balance(1, TestMarkets.usdt).locked
        let id = x.place(stop(1, .buy, .takeProfit, stop: price(90))).newOrderId!
        #expect(x.balance(1, TestMarkets.usdt).locked - before == price(90) / 10_000)  // 0.0001 BTC at 90
        x.limit(3, .sell, price: price(89), quantity: qty(100))
        x.limit(2, .buy, price: price(89), quantity: qty(1))
        #expect(x.engine.openOrder(btcusdt, id) == nil)
        #expect(x.balance(1, TestMarkets.usdt).locked == before)
    }
}
