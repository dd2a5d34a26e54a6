import Testing
@testable import SolventCore
import SolventTestSupport

/// The book the scenario tests run on: the production one.
typealias ScenarioBook = FastBook

private let btcusdt = TestMarkets.btcusdt
private func price(_ whole: Int64) -> Price { TestMarkets.usdt(whole) }
private func qty(_ steps: Int64) -> Quantity { TestMarkets.btc(steps) }

@Suite("Matching: price-time priority and time in force")
struct MatchingTests {
    @Test func restingOrdersMatchBestPriceFirstThenOldestFirst() {
        var x = TestExchange<ScenarioBook>()
        let first = x.limit(1, .sell, price: price(101), quantity: qty(10)).newOrderId!
        let better = x.limit(2, .sell, price: price(100), quantity: qty(10)).newOrderId!
        let second = x.limit(2, .sell, price: price(101), quantity: qty(10)).newOrderId!
        let events = x.limit(3, .buy, price: price(101), quantity: qty(25), .ioc)
        #expect(events.trades.map(\.sellerOrderId) == [better, first, second])
        #expect(events.trades.map(\.price) == [price(100), price(101), price(101)])
        #expect(events.trades.map(\.quantity) == [qty(10), qty(10), qty(5)])
        #expect(x.engine.openOrder(btcusdt, second)?.remainingQuantity == qty(5))
    }

    @Test func takerTradesAtTheMakersPriceAndGetsTheDifferenceBack() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(100_000))  // 1 BTC
        let before = x.balance(2, TestMarkets.usdt)
        x.limit(2, .buy, price: price(110), quantity: qty(100_000))
        let after = x.balance(2, TestMarkets.usdt)
        #expect(before.free - after.free == price(100))
        #expect(after.locked == 0)
    }

    @Test func gtcRemainderRestsAndIocRemainderExpires() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(10))
        let gtc = x.limit(2, .buy, price: price(100), quantity: qty(15))
        let gtcId = gtc.newOrderId!
        #expect(gtc.lastStatus(of: gtcId) == .partiallyFilled)
        #expect(x.engine.bestPrice(btcusdt, .buy) == price(100))

        x.limit(1, .sell, price: price(101), quantity: qty(10))
        let ioc = x.limit(2, .sell, price: price(100), quantity: qty(20), .ioc)
        let iocId = ioc.newOrderId!
        #expect(ioc.trades.map(\.quantity) == [qty(5)])
        #expect(ioc.lastStatus(of: iocId) == .expired)
        #expect(ioc.orderEvents.last?.order.expiryReason == .unfilledIOCQuantityExpired)
    }

    @Test func fokFillsEntirelyOrExpiresWithoutTrading() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(10))
        x.limit(1, .sell, price: price(102), quantity: qty(10))
        let short = x.limit(2, .buy, price: price(101), quantity: qty(11), .fok)
        #expect(short.trades.isEmpty)
        #expect(short.lastStatus(of: short.newOrderId!) == .expired)
        let exact = x.limit(2, .buy, price: price(102), quantity: qty(20), .fok)
        #expect(exact.trades.count == 2)
        #expect(exact.lastStatus(of: exact.newOrderId!) == .filled)
    }

    @Test func limitMakerIsRejectedWhenItWouldTake() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(10))
        let crossing = NewOrder(account: 2, market: btcusdt, side: .buy, type: .limitMaker,
                                quantity: qty(1), price: price(100))
        #expect(x.place(crossing).rejections == [.wouldMatchAndTake])
        var passive = crossing
        passive.price = price(99)
        #expect(x.place(passive).rejections.isEmpty)
        #expect(x.engine.bestPrice(btcusdt, .buy) == price(99))
    }

    @Test func marketBuyByQuantityWalksTheBookAndExpiresWhenItRunsOut() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(10))
        x.limit(1, .sell, price: price(105), quantity: qty(10))
        let order = NewOrder(account: 2, market: btcusdt, side: .buy, type: .market, quantity: qty(30))
        let events = x.place(order)
        #expect(events.trades.map(\.price) == [price(100), price(105)])
        let last = events.orderEvents.last { $0.order.id == events.newOrderId }!.order
        #expect(last.status == .expired && last.expiryReason == .insufficientLiquidity)
        #expect(last.executedQuantity == qty(20))
        #expect(x.balance(2, TestMarkets.usdt).locked == 0)
    }

    @Test func marketBuyByQuoteSpendsNoMoreThanItsBudgetInWholeSteps() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(100_000))
        // 10.005 USDT buys 0.10005 BTC at 100, rounded down to the 0.00001 step: 0.1 BTC and 0.0005 more.
        let budget = TestMarkets.usdt(10) + 500_000
        let events = x.place(NewOrder(account: 2, market: btcusdt, side: .buy, type: .market,
                                      quoteOrderQuantity: budget))
        let order = events.orderEvents.last { $0.order.id == events.newOrderId }!.order
        #expect(order.status == .filled)
        #expect(order.executedQuantity == qty(10_005))
        #expect(order.cumulativeQuote <= budget)
        #expect(order.quantity == order.executedQuantity)
        #expect(x.balance(2, TestMarkets.usdt).locked == 0)
    }

    @Test func marketOrderByQuoteIntoAnEmptyBookIsRejected() {
        var x = TestExchange<ScenarioBook>()
        let order = NewOrder(account: 2, market: btcusdt, side: .buy, type: .market, quoteOrderQuantity: price(10))
        #expect(x.place(order).rejections == [.insufficientLiquidity])
    }

    @Test func icebergShowsOneTrancheAtATimeAndLosesPriorityOnRefresh() {
        var x = TestExchange<ScenarioBook>()
        let iceberg = NewOrder(account: 1, market: btcusdt, side: .sell, type: .limit, timeInForce: .gtc,
                               quantity: qty(30), price: price(100), icebergQuantity: qty(10))
        let icebergId = x.place(iceberg).newOrderId!
        let plain = x.limit(2, .sell, price: price(100), quantity: qty(10)).newOrderId!
        #expect(x.engine.openOrder(btcusdt, icebergId)?.visibleQuantity == qty(10))
        let events = x.limit(3, .buy, price: price(100), quantity: qty(25), .ioc)
        // Tranche 1 of the iceberg, then the plain order (the refreshed tranche went behind it), then tranche 2.
        #expect(events.trades.map(\.sellerOrderId) == [icebergId, plain, icebergId])
        #expect(events.trades.map(\.quantity) == [qty(10), qty(10), qty(5)])
        #expect(x.engine.openOrder(btcusdt, icebergId)?.visibleQuantity == qty(5))
    }

    @Test func feesAreChargedInTheReceivedAssetAndCreditedToTheFeeAccount() {
        var x = TestExchange<ScenarioBook>()
        x.run(.setFees(1, FeeSchedule(makerBasisPoints: 10, takerBasisPoints: 20)))
        x.run(.setFees(2, FeeSchedule(makerBasisPoints: 10, takerBasisPoints: 20)))
        x.limit(1, .sell, price: price(100), quantity: qty(100_000))
        let btcBefore = x.balance(2, TestMarkets.btc).free
        let usdtBefore = x.balance(1, TestMarkets.usdt).free
        let events = x.limit(2, .buy, price: price(100), quantity: qty(100_000))
        let fills = events.orderEvents.filter { $0.execution == .trade }.map(\.fill)
        #expect(fills.map(\.commission) == [TestMarkets.one * 20 / 10_000, price(100) * 10 / 10_000])
        #expect(x.balance(2, TestMarkets.btc).free - btcBefore == TestMarkets.one - TestMarkets.one * 20 / 10_000)
        #expect(x.balance(1, TestMarkets.usdt).free - usdtBefore == price(100) - price(100) / 1_000)
        #expect(x.balance(.feeAccount, TestMarkets.btc).free == TestMarkets.one * 20 / 10_000)
        #expect(x.balance(.feeAccount, TestMarkets.usdt).free == price(100) / 1_000)
    }

    @Test func commissionRoundsDownAndNeverCreatesOrDestroysAUnit() {
        #expect(FeeSchedule.commission(on: 9_999, basisPoints: 10) == 9)
        #expect(FeeSchedule.commission(on: 999, basisPoints: 10) == 0)
        #expect(FeeSchedule.commission(on: Int64.max, basisPoints: 10_000) == Int64.max)
    }
}
