import Testing
@testable import SolventCore
import SolventTestSupport

private let btcusdt = TestMarkets.btcusdt
private func price(_ whole: Int64) -> Price { TestMarkets.usdt(whole) }
private func qty(_ steps: Int64) -> Quantity { TestMarkets.btc(steps) }

@Suite("Ledger: deposits, withdrawals, reservations")
struct LedgerTests {
    @Test func withdrawalHoldsUntilConfirmedOrReleased() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 10 * TestMarkets.one)
        let held = x.run(.requestWithdrawal(1, TestMarkets.btc, 4 * TestMarkets.one))
        guard case .ledger(let entry)? = held.first else { Issue.record("no ledger entry"); return }
        #expect(x.balance(1, TestMarkets.btc) == Balance(free: 6 * TestMarkets.one, locked: 4 * TestMarkets.one))
        x.run(.confirmWithdrawal(entry.withdrawal))
        #expect(x.balance(1, TestMarkets.btc) == Balance(free: 6 * TestMarkets.one, locked: 0))
        #expect(x.engine.ledger.withdrawn[Int(TestMarkets.btc)] == 4 * TestMarkets.one)
        #expect(x.run(.confirmWithdrawal(entry.withdrawal)).rejections == [.unknownWithdrawal])

        let second = x.run(.requestWithdrawal(1, TestMarkets.btc, TestMarkets.one))
        guard case .ledger(let hold)? = second.first else { Issue.record("no ledger entry"); return }
        x.run(.releaseWithdrawal(hold.withdrawal))
        #expect(x.balance(1, TestMarkets.btc).free == 6 * TestMarkets.one)
    }

    @Test func withdrawingMoreThanIsFreeIsRefused() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: TestMarkets.one)
        x.limit(1, .sell, price: price(100), quantity: qty(60_000))
        #expect(x.run(.requestWithdrawal(1, TestMarkets.btc, TestMarkets.one)).rejections == [.insufficientBalance])
    }

    @Test func ordersBeyondTheFreeBalanceAreRejectedWithTheBinanceMessage() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: price(100))
        let events = x.limit(1, .buy, price: price(100), quantity: qty(100_001))
        #expect(events.rejections == [.insufficientBalance])
        #expect(RejectReason.insufficientBalance.code == -2010)
        #expect(RejectReason.insufficientBalance.message == "Account has insufficient balance for requested action.")
        #expect(x.limit(1, .buy, price: price(100), quantity: qty(100_000)).rejections.isEmpty)
    }

    @Test func depositsThatWouldOverflowAreRefused() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 1)
        #expect(x.run(.deposit(1, TestMarkets.btc, Int64.max)).rejections == [.amountTooLarge])
        #expect(x.run(.deposit(1, TestMarkets.btc, 0)).rejections == [.invalidAmount])
        #expect(x.run(.deposit(9, TestMarkets.btc, 1)).rejections == [.unknownAccount])
        #expect(x.run(.deposit(1, 9, 1)).rejections == [.unknownAsset])
    }

    @Test func everyBalanceChangeIsReportedOncePerCommand() {
        var x = TestExchange<ScenarioBook>()
        x.limit(1, .sell, price: price(100), quantity: qty(10))
        let events = x.limit(2, .buy, price: price(100), quantity: qty(10))
        let changes = events.compactMap { if case .balance(let b) = $0 { b } else { nil } }
        let pairs = changes.map { "\($0.account)/\($0.asset)" }
        #expect(Set(pairs).count == pairs.count)
        #expect(Set(pairs) == ["2/1", "2/0", "0/0", "1/0", "1/1", "0/1"])
        for change in changes {
            #expect(x.balance(change.account, change.asset) == Balance(free: change.free, locked: change.locked))
        }
    }

    @Test func frozenAccountsCanNeitherPlaceNorCancel() {
        var x = TestExchange<ScenarioBook>()
        let id = x.limit(1, .buy, price: price(100), quantity: qty(1)).newOrderId!
        x.run(.setTradingEnabled(1, false))
        #expect(x.limit(1, .buy, price: price(100), quantity: qty(1)).rejections == [.tradingDisabled])
        #expect(x.run(.cancelOrder(CancelOrder(account: 1, market: btcusdt, order: .id(id)))).rejections == [.tradingDisabled])
        #expect(x.run(.setTradingEnabled(0, true)).rejections == [.unknownAccount])
    }
}

@Suite("Markets: status and filters")
struct FilterTests {
    @Test func haltedMarketsTakeCancelsButNoOrdersAndBrokenMarketsTakeNothing() {
        var x = TestExchange<ScenarioBook>()
        let id = x.limit(1, .buy, price: price(100), quantity: qty(1)).newOrderId!
        x.run(.setMarketStatus(btcusdt, .halt))
        #expect(x.limit(1, .buy, price: price(100), quantity: qty(1)).rejections == [.marketClosed])
        x.run(.setMarketStatus(btcusdt, .breakStatus))
        #expect(x.run(.cancelOrder(CancelOrder(account: 1, market: btcusdt, order: .id(id)))).rejections == [.marketClosed])
        x.run(.setMarketStatus(btcusdt, .halt))
        #expect(x.run(.cancelOrder(CancelOrder(account: 1, market: btcusdt, order: .id(id)))).rejections.isEmpty)
    }

    @Test func priceAndLotFiltersRejectWithTheirNames() {
        var x = TestExchange<ScenarioBook>()
        #expect(x.limit(1, .buy, price: price(100) + 1, quantity: qty(1)).rejections == [.filterFailure(.priceFilter)])
        #expect(x.limit(1, .buy, price: price(100), quantity: qty(1) + 1).rejections == [.filterFailure(.lotSize)])
        #expect(x.limit(1, .buy, price: 2_000_000 * TestMarkets.one, quantity: qty(1)).rejections == [.filterFailure(.priceFilter)])
        #expect(RejectReason.filterFailure(.lotSize).message == "Filter failure: LOT_SIZE")
        #expect(RejectReason.filterFailure(.lotSize).code == -1013)
    }

    @Test func notionalFilterUsesPriceTimesQuantity() {
        var x = TestExchange<ScenarioBook>()
        var spec = TestMarkets.spec("BTCUSDC", base: TestMarkets.btc, quote: TestMarkets.usdt, tick: 1_000_000,
                                    step: 1_000, minNotional: price(10))
        spec.filters.notional?.maxNotional = price(1_000)
        #expect(x.run(.listMarket(spec)).rejections.isEmpty)
        let market: MarketId = 3
        #expect(x.limit(1, .buy, price: price(100), quantity: qty(9_999), market: market).rejections == [.filterFailure(.notional)])
        #expect(x.limit(1, .buy, price: price(100), quantity: qty(10_000), market: market).rejections.isEmpty)
        #expect(x.limit(1, .buy, price: price(100), quantity: qty(1_000_001), market: market).rejections == [.filterFailure(.notional)])
    }

    @Test func percentPriceBySideBoundsLimitPricesAroundTheAveragePrice() {
        var x = TestExchange<ScenarioBook>()
        var spec = TestMarkets.spec("BTCUSDC", base: TestMarkets.btc, quote: TestMarkets.usdt, tick: 1_000_000, step: 1_000)
        let one = unitsPerWhole(PercentPriceBySideFilter.multiplierScale)
        spec.filters.percentPriceBySide = PercentPriceBySideFilter(
            bidMultiplierUp: one * 12 / 10, bidMultiplierDown: one / 2, askMultiplierUp: 2 * one,
            askMultiplierDown: one * 8 / 10, averagePriceMinutes: 5)
        x.run(.listMarket(spec))
        let market: MarketId = 3
        // No trade yet: no reference price, nothing to check against.
        #expect(x.limit(1, .sell, price: price(100), quantity: qty(1), market: market).rejections.isEmpty)
        x.limit(2, .buy, price: price(100), quantity: qty(1), market: market)
        #expect(x.limit(1, .buy, price: price(121), quantity: qty(1), market: market).rejections == [.filterFailure(.percentPriceBySide)])
        #expect(x.limit(1, .buy, price: price(120), quantity: qty(1), market: market).rejections.isEmpty)
        #expect(x.limit(1, .sell, price: price(79), quantity: qty(1), market: market).rejections == [.filterFailure(.percentPriceBySide)])
    }

    @Test func maxNumOrdersCountsOpenOrdersPerAccountAndMarket() {
        var x = TestExchange<ScenarioBook>()
        var spec = TestMarkets.spec("BTCUSDC", base: TestMarkets.btc, quote: TestMarkets.usdt, tick: 1_000_000, step: 1_000)
        spec.filters.maxNumOrders = 2
        x.run(.listMarket(spec))
        let market: MarketId = 3
        x.limit(1, .buy, price: price(100), quantity: qty(1), market: market)
        let second = x.limit(1, .buy, price: price(99), quantity: qty(1), market: market).newOrderId!
        #expect(x.limit(1, .buy, price: price(98), quantity: qty(1), market: market).rejections == [.filterFailure(.maxNumOrders)])
        #expect(x.limit(2, .buy, price: price(98), quantity: qty(1), market: market).rejections.isEmpty)
        x.run(.cancelOrder(CancelOrder(account: 1, market: market, order: .id(second))))
        #expect(x.limit(1, .buy, price: price(98), quantity: qty(1), market: market).rejections.isEmpty)
    }

    @Test func marketsWhoseTradeValuesWouldRoundAreNotListed() {
        var x = TestExchange<ScenarioBook>()
        let inexact = TestMarkets.spec("ETHBTC2", base: TestMarkets.eth, quote: TestMarkets.btc, tick: 100, step: 10_000)
        #expect(x.run(.listMarket(inexact)).rejections == [.invalidMarketSpec])
        #expect(x.run(.listAsset(AssetSpec(name: "btc"))).rejections == [.invalidAssetSpec])
        #expect(x.run(.listAsset(AssetSpec(name: "BTC"))).rejections == [.duplicateName])
        #expect(x.run(.listAsset(AssetSpec(name: "XYZ", scale: 19))).rejections == [.invalidAssetSpec])
    }

    @Test func compositionErrorsAreRejectedBeforeAnythingElse() {
        var x = TestExchange<ScenarioBook>()
        let noTif = NewOrder(account: 1, market: btcusdt, side: .buy, type: .limit, quantity: qty(1), price: price(100))
        #expect(x.place(noTif).rejections == [.unsupportedOrderComposition])
        let tifOnMarket = NewOrder(account: 1, market: btcusdt, side: .buy, type: .market, timeInForce: .gtc, quantity: qty(1))
        #expect(x.place(tifOnMarket).rejections == [.unsupportedOrderComposition])
        let both = NewOrder(account: 1, market: btcusdt, side: .buy, type: .market, quantity: qty(1), quoteOrderQuantity: 5)
        #expect(x.place(both).rejections == [.unsupportedOrderComposition])
        let icebergIoc = NewOrder(account: 1, market: btcusdt, side: .buy, type: .limit, timeInForce: .ioc,
                                  quantity: qty(10), price: price(100), icebergQuantity: qty(1))
        #expect(x.place(icebergIoc).rejections == [.unsupportedOrderComposition])
        #expect(x.place(.limit(1, 42, .buy, price: 1, quantity: 1)).rejections == [.unknownSymbol])
    }
}
