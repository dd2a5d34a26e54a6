import SolventCore
import SolventWire
import Testing

@Suite("User-data events: executionReport, outboundAccountPosition, balanceUpdate")
struct UserEventRenderingTests {
    let names = WireExchange.names

    /// The order events of `events`, in the engine's order.
    private func orderEvents(_ events: [Event]) -> [OrderEvent] {
        events.compactMap { if case .order(let event) = $0 { event } else { nil } }
    }

    private func report(_ event: OrderEvent) -> String {
        text(ExecutionReportJSON.render(event, market: names, executionId: 7))
    }

    /// A resting sell of 0.5 BTC at 50,000 (order 1, t+8), then a buy of 0.2 at 50,001 that
    /// takes 0.2 of it (order 2, t+9, trade 1).
    private func tradedExchange() -> (WireExchange, maker: [OrderEvent], taker: [OrderEvent]) {
        var x = WireExchange()
        let maker = orderEvents(x.limit(2, .sell, price: "50000", quantity: "0.5", clientOrderId: "maker-1"))
        let taker = orderEvents(x.limit(1, .buy, price: "50001", quantity: "0.2", clientOrderId: "x-TKT5PX2Fabc"))
        return (x, maker, taker)
    }

    @Test func newOrderOnTheBookReportsEveryFieldWithNothingExecuted() throws {
        let event = try #require(tradedExchange().maker.first)
        #expect(report(event) == #"""
            {"e":"executionReport","E":1700000000008,"s":"BTCUSDT","c":"maker-1","S":"SELL","o":"LIMIT","f":"GTC",\#
            "q":"0.50000000","p":"50000.000000","P":"0.000000","F":"0.00000000","g":-1,"C":"","x":"NEW","X":"NEW",\#
            "r":"NONE","i":1,"l":"0.00000000","z":"0.00000000","L":"0.000000","n":"0","N":null,"T":1700000000008,\#
            "t":-1,"I":7,"w":true,"m":false,"M":false,"O":1700000000008,"Z":"0.000000","Y":"0.000000",\#
            "Q":"0.000000","W":1700000000008,"V":"EXPIRE_MAKER"}
            """#)
    }

    @Test func takerFillIsATradeWithCommissionInTheBaseItBought() throws {
        let (_, _, taker) = tradedExchange()
        #expect(taker.map(\.execution) == [.new, .trade, .trade])
        #expect(report(taker[1]) == #"""
            {"e":"executionReport","E":1700000000009,"s":"BTCUSDT","c":"x-TKT5PX2Fabc","S":"BUY","o":"LIMIT",\#
            "f":"GTC","q":"0.20000000","p":"50001.000000","P":"0.000000","F":"0.00000000","g":-1,"C":"",\#
            "x":"TRADE","X":"FILLED","r":"NONE","i":2,"l":"0.20000000","z":"0.20000000","L":"50000.000000",\#
            "n":"0.00020000","N":"BTC","T":1700000000009,"t":1,"I":7,"w":false,"m":false,"M":false,\#
            "O":1700000000009,"Z":"10000.000000","Y":"10000.000000","Q":"0.000000","W":1700000000009,\#
            "V":"EXPIRE_MAKER"}
            """#)
    }

    @Test func makerPartialFillStaysOnTheBookAndPaysInTheQuoteItReceived() throws {
        let (_, _, taker) = tradedExchange()
        #expect(report(taker[2]) == #"""
            {"e":"executionReport","E":1700000000009,"s":"BTCUSDT","c":"maker-1","S":"SELL","o":"LIMIT","f":"GTC",\#
            "q":"0.50000000","p":"50000.000000","P":"0.000000","F":"0.00000000","g":-1,"C":"","x":"TRADE",\#
            "X":"PARTIALLY_FILLED","r":"NONE","i":1,"l":"0.20000000","z":"0.20000000","L":"50000.000000",\#
            "n":"10.000000","N":"USDT","T":1700000000009,"t":1,"I":7,"w":true,"m":true,"M":false,\#
            "O":1700000000008,"Z":"10000.000000","Y":"10000.000000","Q":"0.000000","W":1700000000008,\#
            "V":"EXPIRE_MAKER"}
            """#)
    }

    @Test func cancelCarriesTheCancelsIdInCAndTheOrdersInCapitalC() throws {
        var (x, _, _) = tradedExchange()
        let cancel = orderEvents(x.apply(.cancelOrder(CancelOrder(
            account: 2, market: WireExchange.market, order: .id(1), cancelClientOrderId: ClientOrderId("cxl-1")!,
            restriction: .none))))
        #expect(cancel.count == 1)
        #expect(report(cancel[0]) == #"""
            {"e":"executionReport","E":1700000000010,"s":"BTCUSDT","c":"cxl-1","S":"SELL","o":"LIMIT","f":"GTC",\#
            "q":"0.50000000","p":"50000.000000","P":"0.000000","F":"0.00000000","g":-1,"C":"maker-1",\#
            "x":"CANCELED","X":"CANCELED","r":"NONE","i":1,"l":"0.00000000","z":"0.20000000","L":"0.000000",\#
            "n":"0","N":null,"T":1700000000010,"t":-1,"I":7,"w":false,"m":false,"M":false,"O":1700000000008,\#
            "Z":"10000.000000","Y":"0.000000","Q":"0.000000","W":1700000000008,"V":"EXPIRE_MAKER"}
            """#)
    }

    @Test func unfilledIOCExpiresWithItsReason() throws {
        var (x, _, _) = tradedExchange()
        let ioc = orderEvents(x.limit(1, .buy, price: "40000", quantity: "0.1", clientOrderId: "ioc-1",
                                      timeInForce: .ioc))
        #expect(ioc.map(\.execution) == [.new, .expired])
        #expect(report(ioc[1]) == #"""
            {"e":"executionReport","E":1700000000010,"s":"BTCUSDT","c":"ioc-1","S":"BUY","o":"LIMIT","f":"IOC",\#
            "q":"0.10000000","p":"40000.000000","P":"0.000000","F":"0.00000000","g":-1,"C":"","x":"EXPIRED",\#
            "X":"EXPIRED","r":"NONE","i":3,"l":"0.00000000","z":"0.00000000","L":"0.000000","n":"0","N":null,\#
            "T":1700000000010,"t":-1,"I":7,"w":false,"m":false,"M":false,"O":1700000000010,"Z":"0.000000",\#
            "Y":"0.000000","Q":"0.000000","W":1700000000010,"V":"EXPIRE_MAKER","eR":"UNFILLED_IOC_QUANTITY_EXPIRED"}
            """#)
    }

    @Test func selfTradePreventionExpiryNamesTheMatchTheCounterOrderAndThePreventedQuantity() throws {
        var x = WireExchange()
        x.apply(.deposit(1, WireExchange.btc, WireExchange.btc("1")))
        _ = x.limit(1, .sell, price: "50000", quantity: "0.1", clientOrderId: "own-maker")
        let taker = orderEvents(x.apply(.placeOrder(.limit(
            1, WireExchange.market, .buy, price: WireExchange.usdt("50000"), quantity: WireExchange.btc("0.1"),
            clientOrderId: ClientOrderId("own-taker")!, selfTradePreventionMode: .expireTaker))))
        #expect(taker.map(\.execution) == [.new, .tradePrevention])
        #expect(report(taker[1]) == #"""
            {"e":"executionReport","E":1700000000010,"s":"BTCUSDT","c":"own-taker","S":"BUY","o":"LIMIT",\#
            "f":"GTC","q":"0.10000000","p":"50000.000000","P":"0.000000","F":"0.00000000","g":-1,"C":"",\#
            "x":"TRADE_PREVENTION","X":"EXPIRED_IN_MATCH","r":"NONE","i":2,"l":"0.00000000","z":"0.00000000",\#
            "L":"0.000000","n":"0","N":null,"T":1700000000010,"t":-1,"I":7,"w":false,"m":false,"M":false,\#
            "O":1700000000010,"Z":"0.000000","Y":"0.000000","Q":"0.000000","W":1700000000010,"V":"EXPIRE_TAKER",\#
            "v":1,"U":1,"B":"0.10000000","A":"0.10000000"}
            """#)
    }

    @Test func untriggeredStopShowsItsStopPriceAndNoWorkingTime() throws {
        var (x, _, _) = tradedExchange()
        let stop = orderEvents(x.apply(.placeOrder(NewOrder(
            account: 2, market: WireExchange.market, side: .sell, type: .stopLossLimit, timeInForce: .gtc,
            quantity: WireExchange.btc("0.1"), price: WireExchange.usdt("44000"), stopPrice: WireExchange.usdt("45000"),
            clientOrderId: ClientOrderId("stop-1")!))))
        let new = try #require(stop.first)
        let json = report(new)
        #expect(json.contains(#""o":"STOP_LOSS_LIMIT","f":"GTC","q":"0.10000000","p":"44000.000000","P":"45000.000000""#))
        #expect(json.contains(#""w":false"#))
        #expect(!json.contains(#""W":"#))
    }

    @Test func accountPositionListsEachChangedAssetWithFreeAndLocked() {
        let lines = [PositionLine(asset: "BTC", scale: 8, free: 980_000_000, locked: 20_000_000),
                     PositionLine(asset: "USDT", scale: 6, free: 9_990_000_000, locked: 0)]
        #expect(text(AccountPositionJSON.render(lines, time: 1_700_000_000_009)) == #"""
            {"e":"outboundAccountPosition","E":1700000000009,"u":1700000000009,"B":[\#
            {"a":"BTC","f":"9.80000000","l":"0.20000000"},{"a":"USDT","f":"9990.000000","l":"0.000000"}]}
            """#)
    }

    @Test func depositIsAPositiveBalanceUpdateAndAWithdrawalRequestANegativeOne() throws {
        var x = WireExchange()
        let deposit = x.apply(.deposit(1, WireExchange.btc, WireExchange.btc("1.5")))
        let withdrawal = x.apply(.requestWithdrawal(1, WireExchange.btc, WireExchange.btc("0.25")))
        let entries = (deposit + withdrawal).compactMap { if case .ledger(let entry) = $0 { entry } else { nil } }
        #expect(entries.count == 2)
        let updates = entries.compactMap { entry in
            BalanceUpdateJSON.freeDelta(of: entry).map {
                text(BalanceUpdateJSON.render(asset: "BTC", scale: 8, delta: $0, time: entry.time))
            }
        }
        #expect(updates == [
            #"{"e":"balanceUpdate","E":1700000000008,"a":"BTC","d":"1.50000000","T":1700000000008}"#,
            #"{"e":"balanceUpdate","E":1700000000009,"a":"BTC","d":"-0.25000000","T":1700000000009}"#,
        ])
    }

    @Test func confirmingAWithdrawalMovesNoFreeBalanceSoSendsNoBalanceUpdateButAReleaseDoes() {
        var x = WireExchange()
        x.apply(.requestWithdrawal(2, WireExchange.btc, WireExchange.btc("1")))  // withdrawal 1
        x.apply(.requestWithdrawal(2, WireExchange.btc, WireExchange.btc("2")))  // withdrawal 2
        let events = x.apply(.confirmWithdrawal(1)) + x.apply(.releaseWithdrawal(2))
        let deltas = events.compactMap { if case .ledger(let entry) = $0 { entry } else { nil } }
            .map(BalanceUpdateJSON.freeDelta(of:))
        #expect(deltas == [nil, WireExchange.btc("2")])
    }

    @Test func streamNoticesHaveTheirShapes() {
        #expect(text(UserStreamNoticeJSON.listenKeyExpired("abc", time: 5)) == #"{"e":"listenKeyExpired","E":5,"listenKey":"abc"}"#)
        #expect(text(UserStreamNoticeJSON.eventStreamTerminated(time: 5)) == #"{"e":"eventStreamTerminated","E":5}"#)
    }
}
