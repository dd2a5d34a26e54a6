import Testing
@testable import SolventCore
import SolventTestSupport

private let btcusdt = TestMarkets.btcusdt
private func price(_ whole: Int64) -> Price { TestMarkets.usdt(whole) }
private func qty(_ steps: Int64) -> Quantity { TestMarkets.btc(steps) }

@Suite("Cancel, cancel-all, cancel-replace and amend")
struct OrderManagementTests {
    @Test func cancelByClientIdReleasesTheReservation() {
        var x = TestExchange<ScenarioBook>()
        let client = ClientOrderId("my-order-1")!
        x.place(.limit(1, btcusdt, .buy, price: price(100), quantity: qty(100_000), clientOrderId: client))
        #expect(x.balance(1, TestMarkets.usdt).locked == price(100))
        let cancelId = ClientOrderId("cancel-1")!
        let events = x.run(.cancelOrder(CancelOrder(account: 1, market: btcusdt, order: .client(client),
                                                   cancelClientOrderId: cancelId)))
        let report = events.orderEvents.single!
        #expect(report.execution == .canceled && report.order.status == .canceled)
        #expect(report.cancelClientOrderId == cancelId && report.order.clientOrderId == client)
        #expect(x.balance(1, TestMarkets.usdt).locked == 0)
    }

    @Test func cancelOfUnknownOrAnotherAccountsOrderIsUnknownOrder() {
        var x = TestExchange<ScenarioBook>()
        let id = x.limit(1, .buy, price: price(100), quantity: qty(1)).newOrderId!
        #expect(x.run(.cancelOrder(CancelOrder(account: 2, market: btcusdt, order: .id(id)))).rejections == [.unknownOrder])
        #expect(x.run(.cancelOrder(CancelOrder(account: 1, market: btcusdt, order: .id(id + 99)))).rejections == [.unknownOrder])
        let mismatched = OrderReference(orderId: id, clientOrderId: ClientOrderId("other")!)
        #expect(x.run(.cancelOrder(CancelOrder(account: 1, market: btcusdt, order: mismatched))).rejections == [.unknownOrder])
    }

    @Test func cancelRestrictionsAreHonoured() {
        var x = TestExchange<ScenarioBook>()
        let id = x.limit(1, .buy, price: price(100), quantity: qty(10)).newOrderId!
        let onlyPartial = CancelOrder(account: 1, market: btcusdt, order: .id(id), restriction: .onlyPartiallyFilled)
        #expect(x.run(.cancelOrder(onlyPartial)).rejections == [.cancelRestrictionsNotMet])
        x.limit(2, .sell, price: price(100), quantity: qty(5))
        #expect(x.run(.cancelOrder(onlyPartial)).rejections.isEmpty)
    }

    @Test func duplicateClientIdOfAnOpenOrderIsRejected() {
        var x = TestExchange<ScenarioBook>()
        let client = ClientOrderId("dup")!
        x.place(.limit(1, btcusdt, .buy, price: price(100), quantity: qty(1), clientOrderId: client))
        let again = x.place(.limit(1, btcusdt, .buy, price: price(99), quantity: qty(1), clientOrderId: client))
        #expect(again.rejections == [.duplicateOrder])
        // Another account may use the same id.
        #expect(x.place(.limit(2, btcusdt, .buy, price: price(99), quantity: qty(1), clientOrderId: client)).rejections.isEmpty)
    }

    @Test func cancelAllCancelsEveryOpenOrderOfTheAccountOnTheMarket() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .buy, price: price(100), quantity: qty(1))
        x.limit(1, .sell, price: price(110), quantity: qty(1))
        let others = x.limit(2, .buy, price: price(99), quantity: qty(1)).newOrderId!
        let events = x.run(.cancelAllOrders(1, btcusdt))
        #expect(events.orderEvents.count == 2 && events.orderEvents.allSatisfy { $0.order.status == .canceled })
        #expect(x.engine.openOrder(btcusdt, others) != nil)
        #expect(x.run(.cancelAllOrders(1, btcusdt)).rejections == [.unknownOrder])
    }

    @Test func cancelReplaceStopOnFailureDoesNotPlaceWhenTheCancelFails() {
        var x = TestExchange<ScenarioBook>()
        let replacement = NewOrder.limit(1, btcusdt, .buy, price: price(101), quantity: qty(1))
        let request = CancelReplace(mode: .stopOnFailure,
                                    cancel: CancelOrder(account: 1, market: btcusdt, order: .id(12345)),
                                    replacement: replacement)
        let events = x.run(.cancelReplace(request))
        #expect(events == [.rejected(Rejection(.unknownOrder, stage: .cancel))])
        var allowing = request
        allowing.mode = .allowFailure
        let placed = x.run(.cancelReplace(allowing))
        #expect(placed.rejections == [.unknownOrder] && placed.newOrderId != nil)
    }

    @Test func cancelReplaceMovesTheOrderAndItLosesPriority() {
        var x = TestExchange<ScenarioBook>()
        let first = x.limit(1, .buy, price: price(100), quantity: qty(1)).newOrderId!
        let second = x.limit(2, .buy, price: price(100), quantity: qty(1)).newOrderId!
        let request = CancelReplace(mode: .stopOnFailure,
                                    cancel: CancelOrder(account: 1, market: btcusdt, order: .id(first)),
                                    replacement: .limit(1, btcusdt, .buy, price: price(100), quantity: qty(1)))
        let moved = x.run(.cancelReplace(request)).newOrderId!
        #expect(x.engine.openOrders(btcusdt, .buy).map(\.id) == [second, moved])
    }

    @Test func amendKeepsPriorityAndReleasesTheDifference() {
        var x = TestExchange<ScenarioBook>()
        let first = x.limit(1, .buy, price: price(100), quantity: qty(100_000)).newOrderId!
        let second = x.limit(2, .buy, price: price(100), quantity: qty(10)).newOrderId!
        let events = x.run(.amendOrder(AmendOrder(account: 1, market: btcusdt, order: .id(first), newQuantity: qty(50_000))))
        #expect(events.orderEvents.single?.execution == .replaced)
        #expect(x.engine.openOrders(btcusdt, .buy).map(\.id) == [first, second])
        #expect(x.balance(1, TestMarkets.usdt).locked == price(50))
    }

    @Test func amendCannotRaiseTheQuantityOrGoBelowWhatExecuted() {
        var x = TestExchange<ScenarioBook>()
        let id = x.limit(1, .buy, price: price(100), quantity: qty(10)).newOrderId!
        x.limit(2, .sell, price: price(100), quantity: qty(4))
        for bad in [qty(11), qty(10), qty(4), qty(0)] {
            let events = x.run(.amendOrder(AmendOrder(account: 1, market: btcusdt, order: .id(id), newQuantity: bad)))
            #expect(!events.rejections.isEmpty, "amend to \(bad)")
        }
        #expect(x.run(.amendOrder(AmendOrder(account: 1, market: btcusdt, order: .id(id), newQuantity: qty(5)))).rejections.isEmpty)
    }
}

extension Array {
    /// The only element, or `nil` when there is not exactly one.
    var single: Element? { count == 1 ? first : nil }
}
