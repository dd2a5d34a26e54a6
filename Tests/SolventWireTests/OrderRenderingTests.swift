import SolventCore
import SolventWire
import Testing

@Suite("Order responses: placement, query, cancel")
struct OrderRenderingTests {
    let names = WireExchange.names

    /// A resting sell of 0.5 BTC at 50,000 (order 1, t+8), then a buy of 0.2 at 50,001 that
    /// takes 0.2 of it (order 2, t+9, trade 1).
    private func tradedExchange() -> (WireExchange, taker: [Event]) {
        var x = WireExchange()
        _ = x.limit(2, .sell, price: "50000", quantity: "0.5", clientOrderId: "maker-1")
        let taker = x.limit(1, .buy, price: "50001", quantity: "0.2", clientOrderId: "x-TKT5PX2Fabc")
        return (x, taker)
    }

    @Test func fullResponseHasTheOrderAndItsFillsWithCommissionInTheReceivedAsset() throws {
        let placed = try #require(PlacedOrder(events: tradedExchange().taker))
        #expect(text(NewOrderJSON.render(placed, as: .full, market: names)) == #"""
            {"symbol":"BTCUSDT","orderId":2,"orderListId":-1,"clientOrderId":"x-TKT5PX2Fabc",\#
            "transactTime":1700000000009,"price":"50001.000000","origQty":"0.20000000",\#
            "executedQty":"0.20000000","origQuoteOrderQty":"0.000000","cummulativeQuoteQty":"10000.000000",\#
            "status":"FILLED","timeInForce":"GTC","type":"LIMIT","side":"BUY","workingTime":1700000000009,\#
            "selfTradePreventionMode":"EXPIRE_MAKER","fills":[{"price":"50000.000000","qty":"0.20000000",\#
            "commission":"0.00020000","commissionAsset":"BTC","tradeId":1}]}
            """#)
    }

    @Test func resultResponseIsFullWithoutFills() throws {
        let placed = try #require(PlacedOrder(events: tradedExchange().taker))
        let result = text(NewOrderJSON.render(placed, as: .result, market: names))
        #expect(result.hasSuffix(#""workingTime":1700000000009,"selfTradePreventionMode":"EXPIRE_MAKER"}"#))
        #expect(!result.contains("fills"))
    }

    @Test func ackResponseHasIdsAndTimeOnly() throws {
        let placed = try #require(PlacedOrder(events: tradedExchange().taker))
        #expect(text(NewOrderJSON.render(placed, as: .ack, market: names))
            == #"{"symbol":"BTCUSDT","orderId":2,"orderListId":-1,"clientOrderId":"x-TKT5PX2Fabc","transactTime":1700000000009}"#)
    }

    @Test func restingOrderHasEmptyFills() throws {
        var x = WireExchange()
        let placed = try #require(PlacedOrder(events: x.limit(2, .sell, price: "50000", quantity: "0.5",
                                                              clientOrderId: "maker-1")))
        let full = text(NewOrderJSON.render(placed, as: .full, market: names))
        #expect(full.contains(#""status":"NEW""#))
        #expect(full.hasSuffix(#""fills":[]}"#))
    }

    @Test func noOrderShapeCarriesFieldsThatMisleadCcxt() throws {
        let (x, taker) = tradedExchange()
        let placed = try #require(PlacedOrder(events: taker))
        let maker = try #require(x.exchange.engine.openOrder(WireExchange.market, 1))
        let shapes = [NewOrderJSON.render(placed, as: .full, market: names), OrderJSON.render(maker, market: names),
                      CancelJSON.render(CanceledOrder(order: maker, cancelClientOrderId: .none, transactTime: 1),
                                        market: names)]
        for shape in shapes.map(text) {
            #expect(!shape.contains(#""code""#))
            #expect(!shape.contains("positionSide"))
            #expect(!shape.contains("cumQuote\""))
            #expect(shape.first == "{")
        }
    }

    @Test func orderObjectAlwaysShowsStopIcebergTimesAndIsWorking() throws {
        let (x, _) = tradedExchange()
        let maker = try #require(x.exchange.engine.openOrder(WireExchange.market, 1))
        #expect(text(OrderJSON.render(maker, market: names)) == #"""
            {"symbol":"BTCUSDT","orderId":1,"orderListId":-1,"clientOrderId":"maker-1","price":"50000.000000",\#
            "origQty":"0.50000000","executedQty":"0.20000000","cummulativeQuoteQty":"10000.000000",\#
            "status":"PARTIALLY_FILLED","timeInForce":"GTC","type":"LIMIT","side":"SELL","stopPrice":"0.000000",\#
            "icebergQty":"0.00000000","time":1700000000008,"updateTime":1700000000009,"isWorking":true,\#
            "workingTime":1700000000008,"origQuoteOrderQty":"0.000000","selfTradePreventionMode":"EXPIRE_MAKER"}
            """#)
    }

    @Test func cancelResponseSwapsTheClientIds() throws {
        var (x, _) = tradedExchange()
        let events = x.apply(.cancelOrder(CancelOrder(account: 2, market: WireExchange.market, order: .id(1),
                                                      cancelClientOrderId: ClientOrderId("cancel-1")!)))
        let canceled = CanceledOrder.all(in: events)
        #expect(canceled.count == 1)
        #expect(text(CancelJSON.render(try #require(canceled.first), market: names)) == #"""
            {"symbol":"BTCUSDT","origClientOrderId":"maker-1","orderId":1,"orderListId":-1,\#
            "clientOrderId":"cancel-1","transactTime":1700000000010,"price":"50000.000000",\#
            "origQty":"0.50000000","executedQty":"0.20000000","origQuoteOrderQty":"0.000000",\#
            "cummulativeQuoteQty":"10000.000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT",\#
            "side":"SELL","selfTradePreventionMode":"EXPIRE_MAKER"}
            """#)
    }

    @Test func cancelAllRendersAnArrayOfCancels() throws {
        var x = WireExchange()
        _ = x.limit(2, .sell, price: "50000", quantity: "0.1", clientOrderId: "a")
        _ = x.limit(2, .sell, price: "50001", quantity: "0.1", clientOrderId: "b")
        let canceled = CanceledOrder.all(in: x.apply(.cancelAllOrders(2, WireExchange.market)))
        let list = text(CancelJSON.renderList(canceled, market: names))
        #expect(canceled.map(\.order.clientOrderId.description).sorted() == ["a", "b"])
        #expect(list.hasPrefix(#"[{"symbol":"BTCUSDT","origClientOrderId":""#))
        #expect(list.hasSuffix("}]"))
    }

    @Test func expiredIocShowsItsExpiryReason() throws {
        var x = WireExchange()
        let placed = try #require(PlacedOrder(events: x.limit(1, .buy, price: "50000", quantity: "0.1",
                                                              clientOrderId: "ioc", timeInForce: .ioc)))
        let result = text(NewOrderJSON.render(placed, as: .result, market: names))
        #expect(result.contains(#""status":"EXPIRED","timeInForce":"IOC""#))
        #expect(result.hasSuffix(#""expiryReason":"UNFILLED_IOC_QUANTITY_EXPIRED"}"#))
    }

    @Test func stopOrderShowsItsStopPriceAndIsNotWorking() throws {
        var (x, _) = tradedExchange()
        let request = NewOrder(account: 2, market: WireExchange.market, side: .sell, type: .stopLossLimit,
                               timeInForce: .gtc, quantity: WireExchange.btc("0.1"),
                               price: WireExchange.usdt("48900"), stopPrice: WireExchange.usdt("49000"),
                               clientOrderId: ClientOrderId("stop-1")!)
        let placed = try #require(PlacedOrder(events: x.apply(.placeOrder(request))))
        let result = text(NewOrderJSON.render(placed, as: .result, market: names))
        #expect(result.contains(#""type":"STOP_LOSS_LIMIT","side":"SELL","workingTime":-1"#))
        #expect(result.hasSuffix(#""stopPrice":"49000.000000"}"#))
        let query = text(OrderJSON.render(placed.order, market: names))
        #expect(query.contains(#""stopPrice":"49000.000000""#))
        #expect(query.contains(#""isWorking":false,"workingTime":-1"#))
    }

    @Test func icebergAndStrategyFieldsAppearOnlyWhenSet() throws {
        var x = WireExchange()
        var request = NewOrder.limit(2, WireExchange.market, .sell, price: WireExchange.usdt("60000"),
                                     quantity: WireExchange.btc("1"), clientOrderId: ClientOrderId("ice")!)
        request.icebergQuantity = WireExchange.btc("0.2")
        request.strategyId = 37
        request.strategyType = 1_000_000
        let placed = try #require(PlacedOrder(events: x.apply(.placeOrder(request))))
        #expect(text(NewOrderJSON.render(placed, as: .result, market: names)).hasSuffix(
            #""icebergQty":"0.20000000","strategyId":37,"strategyType":1000000}"#))
    }

    @Test func selfTradePreventionShowsThePreventedMatch() throws {
        var x = WireExchange()
        _ = x.limit(2, .sell, price: "50000", quantity: "0.1", clientOrderId: "own-sell")
        var request = NewOrder.limit(2, WireExchange.market, .buy, price: WireExchange.usdt("50000"),
                                     quantity: WireExchange.btc("0.1"), clientOrderId: ClientOrderId("own-buy")!)
        request.selfTradePreventionMode = .expireTaker
        x.apply(.deposit(2, WireExchange.usdt, WireExchange.usdt("10000")))
        let placed = try #require(PlacedOrder(events: x.apply(.placeOrder(request))))
        #expect(placed.order.status == .expiredInMatch)
        let result = text(NewOrderJSON.render(placed, as: .full, market: names))
        #expect(result.contains(#""status":"EXPIRED_IN_MATCH""#))
        #expect(result.contains(#""preventedMatchId":1,"preventedQuantity":"0.10000000","fills":[]"#))
        #expect(!result.contains("expiryReason"))
    }

    @Test func rejectedPlacementHasNoPlacedOrder() {
        var x = WireExchange()
        let events = x.limit(1, .buy, price: "50000", quantity: "100", clientOrderId: "broke")
        #expect(PlacedOrder(events: events) == nil)
    }
}

@Suite("cancelReplace responses")
struct CancelReplaceRenderingTests {
    let names = WireExchange.names

    @Test func bothHalvesSucceedingIsOneObject() throws {
        var x = WireExchange()
        _ = x.limit(2, .sell, price: "51000", quantity: "0.1", clientOrderId: "old")
        let replacement = NewOrder.limit(2, WireExchange.market, .sell, price: WireExchange.usdt("52000"),
                                         quantity: WireExchange.btc("0.1"), clientOrderId: ClientOrderId("new")!)
        let cancel = CancelOrder(account: 2, market: WireExchange.market, order: .client(ClientOrderId("old")!),
                                 cancelClientOrderId: ClientOrderId("cr-1")!)
        let events = x.apply(.cancelReplace(CancelReplace(mode: .stopOnFailure, cancel: cancel, replacement: replacement)))
        let canceled = try #require(CanceledOrder.all(in: events).first)
        let placed = try #require(PlacedOrder(events: events))
        #expect(placed.order.clientOrderId.description == "new")
        let json = text(CancelReplaceJSON.success(cancel: canceled, newOrder: placed, responseType: .ack, market: names))
        #expect(json == #"""
            {"cancelResult":"SUCCESS","newOrderResult":"SUCCESS","cancelResponse":{"symbol":"BTCUSDT",\#
            "origClientOrderId":"old","orderId":1,"orderListId":-1,"clientOrderId":"cr-1",\#
            "transactTime":1700000000009,"price":"51000.000000","origQty":"0.10000000",\#
            "executedQty":"0.00000000","origQuoteOrderQty":"0.000000","cummulativeQuoteQty":"0.000000",\#
            "status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"SELL",\#
            "selfTradePreventionMode":"EXPIRE_MAKER"},"newOrderResponse":{"symbol":"BTCUSDT","orderId":2,\#
            "orderListId":-1,"clientOrderId":"new","transactTime":1700000000009}}
            """#)
    }

    @Test func cancelFailingAndNewOrderNotAttemptedIs2022() {
        let error = CancelReplaceJSON.failure(cancel: .failure(.unknownOrderSent), newOrder: .notAttempted,
                                              responseType: .full, market: names)
        #expect(error.httpStatus == 400)
        #expect(text(error.json()) == #"""
            {"code":-2022,"msg":"Order cancel-replace failed.","data":{"cancelResult":"FAILURE",\#
            "newOrderResult":"NOT_ATTEMPTED","cancelResponse":{"code":-2011,"msg":"Unknown order sent."},\#
            "newOrderResponse":null}}
            """#)
    }

    @Test func bothFailingIs2022WithBothErrors() {
        let error = CancelReplaceJSON.failure(cancel: .failure(.unknownOrderSent),
                                              newOrder: .failed(BinanceError(RejectReason.insufficientBalance)),
                                              responseType: .full, market: names)
        #expect(error.code == -2022)
        #expect(text(error.json()).hasSuffix(#"""
            "newOrderResult":"FAILURE","cancelResponse":{"code":-2011,"msg":"Unknown order sent."},\#
            "newOrderResponse":{"code":-2010,"msg":"Account has insufficient balance for requested action."}}}
            """#))
    }

    @Test func cancelSucceedingAndNewOrderFailingIs2021With409() throws {
        var x = WireExchange()
        _ = x.limit(2, .sell, price: "51000", quantity: "0.1", clientOrderId: "old")
        let canceled = try #require(CanceledOrder.all(in: x.apply(.cancelOrder(CancelOrder(
            account: 2, market: WireExchange.market, order: .id(1), cancelClientOrderId: ClientOrderId("c")!)))).first)
        let error = CancelReplaceJSON.failure(cancel: .success(canceled),
                                              newOrder: .failed(BinanceError(RejectReason.filterFailure(.lotSize))),
                                              responseType: .full, market: names)
        #expect(error.code == -2021)
        #expect(error.httpStatus == 409)
        #expect(error.message == "Order cancel-replace partially failed.")
        let json = text(error.json())
        #expect(json.contains(#""data":{"cancelResult":"SUCCESS","newOrderResult":"FAILURE","cancelResponse":{"symbol":"BTCUSDT","origClientOrderId":"old""#))
        #expect(json.hasSuffix(#""newOrderResponse":{"code":-1013,"msg":"Filter failure: LOT_SIZE"}}}"#))
    }
}
