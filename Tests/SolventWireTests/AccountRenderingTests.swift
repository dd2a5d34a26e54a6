import SolventCore
import SolventWire
import Testing

@Suite("Account and myTrades")
struct AccountRenderingTests {
    private let account = AccountSnapshot(
        uid: 7, fees: FeeSchedule(makerBasisPoints: 10, takerBasisPoints: 25), canTrade: true, updateTime: 123,
        balances: [
            AssetBalance(asset: "BTC", scale: 8, balance: Balance(free: 50_000_000, locked: 10_000_000)),
            AssetBalance(asset: "ETH", scale: 8, balance: .zero),
            AssetBalance(asset: "USDT", scale: 6, balance: Balance(free: 10_500_000, locked: 0)),
        ])

    @Test func accountShowsFeesInBasisPointsAndAsRatesAndBalancesAtTheirScale() {
        #expect(text(AccountJSON.render(account)) == #"""
            {"makerCommission":10,"takerCommission":25,"buyerCommission":0,"sellerCommission":0,\#
            "commissionRates":{"maker":"0.00100000","taker":"0.00250000","buyer":"0.00000000","seller":"0.00000000"},\#
            "canTrade":true,"canWithdraw":true,"canDeposit":true,"brokered":false,\#
            "requireSelfTradePrevention":false,"preventSor":false,"updateTime":123,"accountType":"SPOT",\#
            "balances":[{"asset":"BTC","free":"0.50000000","locked":"0.10000000"},\#
            {"asset":"ETH","free":"0.00000000","locked":"0.00000000"},\#
            {"asset":"USDT","free":"10.500000","locked":"0.000000"}],"permissions":["SPOT"],"uid":7}
            """#)
    }

    @Test func omitZeroBalancesDropsAssetsWithNothingFreeOrLocked() {
        let json = text(AccountJSON.render(account, omitZeroBalances: true))
        #expect(!json.contains("ETH"))
        #expect(json.contains(#""balances":[{"asset":"BTC","#))
        #expect(json.contains(#"{"asset":"USDT","free":"10.500000","locked":"0.000000"}]"#))
    }

    @Test func frozenAccountCannotTrade() {
        var frozen = account
        frozen.canTrade = false
        #expect(text(AccountJSON.render(frozen)).contains(#""canTrade":false"#))
    }

    @Test func myTradesShowBothSidesFromTheirFills() throws {
        var x = WireExchange()
        _ = x.limit(2, .sell, price: "50000", quantity: "0.5", clientOrderId: "maker-1")
        let events = x.limit(1, .buy, price: "50001", quantity: "0.2", clientOrderId: "taker-1")
        let trades: [AccountTrade] = events.compactMap { event in
            guard case .order(let report) = event, report.execution == .trade else { return nil }
            return AccountTrade(report, report.fill)
        }
        #expect(trades.count == 2)
        let buyer = try #require(trades.first { $0.isBuyer })
        let seller = try #require(trades.first { !$0.isBuyer })
        #expect(text(AccountTradeJSON.renderList([buyer], market: WireExchange.names)) == #"""
            [{"symbol":"BTCUSDT","id":1,"orderId":2,"orderListId":-1,"price":"50000.000000","qty":"0.20000000",\#
            "quoteQty":"10000.000000","commission":"0.00020000","commissionAsset":"BTC","time":1700000000009,\#
            "isBuyer":true,"isMaker":false,"isBestMatch":true}]
            """#)
        let sellerJSON = text(AccountTradeJSON.renderList([seller], market: WireExchange.names))
        #expect(sellerJSON.contains(#""orderId":1,"#))
        #expect(sellerJSON.contains(#""commission":"10.000000","commissionAsset":"USDT""#))
        #expect(sellerJSON.contains(#""isBuyer":false,"isMaker":true"#))
    }
}
