import Testing
@testable import SolventCore
import SolventTestSupport

private let btc = TestMarkets.btc
private let usdt = TestMarkets.usdt
private let eth = TestMarkets.eth
private let one = TestMarkets.one
private let ops = OperatorAction(operatorName: "alice@ops", reason: "court order", reference: "SDNY 23-cv-1234")

private func ruling(_ asset: AssetId, _ place: String, _ standing: AssetStanding, at effectiveAt: Timestamp) -> Command {
    .setAssetRuling(AssetRuling(asset: asset, jurisdiction: Jurisdiction(place), standing: standing,
                                effectiveAt: effectiveAt, action: ops))
}

/// Three accounts funded in every asset: 1 in "US-NY", 2 in "US-CA", 3 in "FR".
private func placedExchange() -> TestExchange<ScenarioBook> {
    var x = TestExchange<ScenarioBook>(accounts: 3, funding: 1_000 * one)
    for (account, place) in [(AccountId(1), "US-NY"), (2, "US-CA"), (3, "FR")] {
        #expect(x.run(.setAccountJurisdiction(account, Jurisdiction(place), ops)).rejections.isEmpty)
    }
    return x
}

private func buy(_ x: inout TestExchange<ScenarioBook>, _ account: AccountId, market: MarketId = TestMarkets.btcusdt) -> [Event] {
    let price = market == TestMarkets.ethbtc ? 5_000_000 : TestMarkets.usdt(100)
    return x.limit(account, .buy, price: price, quantity: market == TestMarkets.ethbtc ? one : TestMarkets.btc(100), market: market)
}

private func sell(_ x: inout TestExchange<ScenarioBook>, _ account: AccountId, market: MarketId = TestMarkets.btcusdt) -> [Event] {
    let price = market == TestMarkets.ethbtc ? 9_000_000 : TestMarkets.usdt(200)
    return x.limit(account, .sell, price: price, quantity: market == TestMarkets.ethbtc ? one : TestMarkets.btc(100), market: market)
}

@Suite("Jurisdictions: rulings on assets per country and region")
struct JurisdictionTests {
    @Test func aSellAndWithdrawOnlyAccountCannotBuyTheAssetButSellsAndWithdrawsIt() {
        var x = placedExchange()
        x.run(ruling(btc, "US", .sellAndWithdrawOnly, at: 0))
        #expect(buy(&x, 1).rejections == [.assetRestricted(.sellAndWithdrawOnly)])
        #expect(RejectReason.assetRestricted(.sellAndWithdrawOnly).code == -4401)
        #expect(RejectReason.assetRestricted(.sellAndWithdrawOnly).message.contains("sell and withdraw only"))
        #expect(sell(&x, 1).rejections.isEmpty, "selling the asset is allowed")
        // Receiving BTC as the quote of ETHBTC is buying it too; spending BTC for ETH is not.
        #expect(sell(&x, 1, market: TestMarkets.ethbtc).rejections == [.assetRestricted(.sellAndWithdrawOnly)])
        #expect(buy(&x, 1, market: TestMarkets.ethbtc).rejections.isEmpty)
        #expect(x.run(.requestWithdrawal(1, btc, one)).rejections.isEmpty, "withdrawing is allowed")
        #expect(buy(&x, 3).rejections.isEmpty, "another country is not governed")
        #expect(x.engine.standing(of: 1, btc) == .sellAndWithdrawOnly)
        #expect(x.engine.standing(of: 1, usdt) == .allowed)
    }

    @Test func aBlockedAssetCannotBeTradedEitherWayButIsWithdrawn() {
        var x = placedExchange()
        x.run(ruling(btc, "US", .blocked, at: 0))
        #expect(buy(&x, 1).rejections == [.assetRestricted(.blocked)])
        #expect(sell(&x, 1).rejections == [.assetRestricted(.blocked)])
        #expect(buy(&x, 1, market: TestMarkets.ethbtc).rejections == [.assetRestricted(.blocked)], "BTC as the quote too")
        #expect(buy(&x, 1, market: TestMarkets.ethusdt).rejections.isEmpty, "a market without BTC is not governed")
        #expect(x.run(.requestWithdrawal(1, btc, one)).rejections.isEmpty)
        #expect(x.run(.deposit(1, btc, one)).rejections.isEmpty, "money that arrived is still credited")
    }

    @Test func aRegionRulingGovernsOnlyThatRegionAndACountryRulingEveryRegion() {
        var x = placedExchange()
        x.run(ruling(eth, "US-NY", .sellAndWithdrawOnly, at: 0))
        #expect(buy(&x, 1, market: TestMarkets.ethusdt).rejections == [.assetRestricted(.sellAndWithdrawOnly)])
        #expect(buy(&x, 2, market: TestMarkets.ethusdt).rejections.isEmpty, "US-CA is not US-NY")
        x.run(ruling(eth, "US", .blocked, at: 0))
        #expect(buy(&x, 2, market: TestMarkets.ethusdt).rejections == [.assetRestricted(.blocked)])
        // The stricter of the country's and the region's standing governs: lifting the region's ruling leaves the country's.
        x.run(ruling(eth, "US-NY", .allowed, at: 0))
        #expect(sell(&x, 1, market: TestMarkets.ethusdt).rejections == [.assetRestricted(.blocked)])
        x.run(ruling(eth, "US", .allowed, at: 0))
        #expect(buy(&x, 1, market: TestMarkets.ethusdt).rejections.isEmpty)
        #expect(x.engine.rulingHistory.count == 4)
        #expect(x.engine.rulingsInForce.map(\.ruling.jurisdiction.code) == ["US", "US-NY"])
    }

    @Test func openBuysAreCancelledWithTheReasonWhenTheRulingTakesEffectAndNotBefore() throws {
        var x = placedExchange()
        let restingBuy = try #require(buy(&x, 1).newOrderId)
        let restingSell = try #require(sell(&x, 1).newOrderId)
        let otherBuy = try #require(buy(&x, 3).newOrderId)
        let effective = x.time + 60_000
        let recorded = x.run(ruling(btc, "US", .sellAndWithdrawOnly, at: effective))
        #expect(recorded.orderEvents.isEmpty, "recorded, not yet in force")
        #expect(!x.engine.rulingsDue(at: effective - 1))
        #expect(buy(&x, 1).rejections.isEmpty, "a millisecond before the effective time the account still buys")
        let lateBuy = try #require(x.events.newOrderId)
        #expect(x.engine.rulingsDue(at: effective))
        x.time = effective - 1
        let enforced = x.run(.enforceRulings)
        #expect(enforced.custodyEvents.map(\.kind) == [.rulingInForce])
        let canceled = enforced.orderEvents
        #expect(canceled.map(\.order.id) == [restingBuy, lateBuy])
        #expect(canceled.allSatisfy { $0.execution == .canceled && $0.order.expiryReason == .jurisdictionRestricted })
        #expect(ExpiryReason.jurisdictionRestricted.wireName == "JURISDICTION_RESTRICTED")
        #expect(x.engine.openOrder(TestMarkets.btcusdt, restingSell) != nil, "the sell stays")
        #expect(x.engine.openOrder(TestMarkets.btcusdt, otherBuy) != nil, "another country's buy stays")
        #expect(x.balance(1, usdt).locked == 0, "the buys' reservations returned")
        #expect(buy(&x, 1).rejections == [.assetRestricted(.sellAndWithdrawOnly)])
        #expect(x.run(.enforceRulings).isEmpty, "nothing left to enforce")
    }

    @Test func settingAnAccountsJurisdictionCancelsWhatTheRulingsThereForbid() throws {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 1_000 * one)
        x.run(ruling(btc, "GB", .blocked, at: 0))
        let resting = try #require(sell(&x, 1).newOrderId)
        let moved = x.run(.setAccountJurisdiction(1, Jurisdiction("GB-LND"), ops))
        #expect(moved.orderEvents.map(\.order.id) == [resting])
        #expect(moved.orderEvents.first?.order.expiryReason == .jurisdictionRestricted)
        #expect(x.engine.jurisdiction(of: 1) == Jurisdiction("GB-LND"))
        x.run(.setAccountJurisdiction(1, nil, ops))
        #expect(sell(&x, 1).rejections.isEmpty, "an account without a jurisdiction is governed by no ruling")
    }

    @Test func badInputIsRefusedWithItsReason() {
        var x = placedExchange()
        #expect(x.run(.setAccountJurisdiction(1, Jurisdiction("XX"), ops)).rejections == [.invalidJurisdiction])
        #expect(x.run(.setAccountJurisdiction(1, Jurisdiction("us"), ops)).rejections == [.invalidJurisdiction])
        #expect(x.run(.setAccountJurisdiction(1, Jurisdiction("US-"), ops)).rejections == [.invalidJurisdiction])
        #expect(x.run(.setAccountJurisdiction(1, Jurisdiction("US-NYCX"), ops)).rejections == [.invalidJurisdiction])
        #expect(x.run(.setAccountJurisdiction(9, Jurisdiction("US"), ops)).rejections == [.unknownAccount])
        #expect(x.run(.setAccountJurisdiction(0, Jurisdiction("US"), ops)).rejections == [.unknownAccount])
        #expect(x.run(ruling(99, "US", .blocked, at: 0)).rejections == [.unknownAsset])
        #expect(x.run(ruling(btc, "ZZ", .blocked, at: 0)).rejections == [.invalidJurisdiction])
        #expect(x.run(ruling(btc, "US", .blocked, at: -1)).rejections == [.invalidEffectiveTime])
        let noCase = AssetRuling(asset: btc, jurisdiction: Jurisdiction("US"), standing: .blocked, effectiveAt: 0,
                                 action: OperatorAction(operatorName: "ops", reason: "why"))
        #expect(x.run(.setAssetRuling(noCase)).rejections == [.invalidRulingReference])
        #expect(x.engine.rulingHistory.isEmpty)
    }

    @Test func rulingsSurviveASnapshotAndAWaitingOneStillComesDue() throws {
        var x = placedExchange()
        x.run(ruling(btc, "US", .sellAndWithdrawOnly, at: 0))
        x.run(ruling(eth, "FR", .blocked, at: x.time + 1_000))
        let restored = try Engine<ScenarioBook>(encodedState: x.engine.encodedState())
        #expect(restored.stateHash() == x.engine.stateHash())
        #expect(restored.rulingHistory == x.engine.rulingHistory)
        #expect(restored.standing(of: 1, btc) == .sellAndWithdrawOnly)
        #expect(restored.jurisdiction(of: 2) == Jurisdiction("US-CA"))
        #expect(restored.rulingsDue(at: x.time + 1_000) && !restored.rulingsDue(at: x.time))
    }
}
