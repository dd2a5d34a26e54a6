@testable import SolventCore
import SolventWire
import Testing

@Suite("Market data shapes")
struct MarketDataRenderingTests {
    let names = WireExchange.names
    private func usdt(_ text: String) -> Price { WireExchange.usdt(text) }
    private func btc(_ text: String) -> Quantity { WireExchange.btc(text) }

    @Test func publicTradesNameTheMakerSide() {
        let trade = Trade(market: 0, id: 28457, price: usdt("4.000002"), quantity: btc("12"), quote: usdt("48.000024"),
                          buyerOrderId: 1, sellerOrderId: 2, buyerAccount: 1, sellerAccount: 2, takerSide: .sell,
                          time: 1_499_865_549_590)
        #expect(text(TradeJSON.renderList([trade], market: names)) == #"""
            [{"id":28457,"price":"4.000002","qty":"12.00000000","quoteQty":"48.000024","time":1499865549590,\#
            "isBuyerMaker":true,"isBestMatch":true}]
            """#)
    }

    @Test func aggregateTradesUseOneLetterKeys() {
        let aggregate = AggregateTrade(id: 26129, price: usdt("0.01633"), quantity: btc("4.70443515"),
                                       firstTradeId: 27781, lastTradeId: 27781, time: 1_498_793_709_153,
                                       isBuyerMaker: true)
        #expect(text(AggregateTradeJSON.renderList([aggregate], market: names)) == #"""
            [{"a":26129,"p":"0.016330","q":"4.70443515","f":27781,"l":27781,"T":1498793709153,"m":true,"M":true}]
            """#)
        let single = AggregateTrade(trade: Trade(market: 0, id: 5, price: 1, quantity: 2, quote: 0, buyerOrderId: 1,
                                                 sellerOrderId: 2, buyerAccount: 1, sellerAccount: 2,
                                                 takerSide: .buy, time: 9))
        #expect(single == AggregateTrade(id: 5, price: 1, quantity: 2, firstTradeId: 5, lastTradeId: 5, time: 9,
                                         isBuyerMaker: false))
    }

    @Test func oneTakersFillsAtOnePriceMergeAndNothingElseDoes() {
        func fill(_ id: TradeId, taker: OrderId, price: Price, side: Side = .buy) -> Trade {
            Trade(market: 0, id: id, price: price, quantity: id, quote: 0, buyerOrderId: side == .buy ? taker : 99,
                  sellerOrderId: side == .buy ? 98 : taker, buyerAccount: 1, sellerAccount: 2, takerSide: side, time: 7)
        }
        let trades = [fill(1, taker: 10, price: 5), fill(2, taker: 10, price: 5), fill(3, taker: 10, price: 6),
                      fill(4, taker: 11, price: 6), fill(5, taker: 11, price: 6, side: .sell), fill(7, taker: 11, price: 6, side: .sell)]
        let merged = AggregateTrade.merging(trades)
        #expect(merged.map(\.id) == [1, 3, 4, 5, 7], "price, taker, side and a gap in ids each start a new aggregate")
        #expect(merged.map { [$0.firstTradeId, $0.lastTradeId] } == [[1, 2], [3, 3], [4, 4], [5, 5], [7, 7]])
        #expect(merged[0].quantity == 3 && merged.map(\.quantity).reduce(0, +) == trades.map(\.quantity).reduce(0, +))
        #expect(AggregateTrade.merging([]).isEmpty)
    }

    @Test func depthListsPriceQuantityPairsBestFirst() {
        let json = DepthJSON.render(
            lastUpdateId: 1_027_024,
            bids: [DepthLevel(price: usdt("4.1"), quantity: btc("431")), DepthLevel(price: usdt("4"), quantity: btc("1"))],
            asks: [DepthLevel(price: usdt("4.000002"), quantity: btc("12"))], market: names)
        #expect(text(json) == #"""
            {"lastUpdateId":1027024,"bids":[["4.100000","431.00000000"],["4.000000","1.00000000"]],\#
            "asks":[["4.000002","12.00000000"]]}
            """#)
        #expect(text(DepthJSON.render(lastUpdateId: 0, bids: [], asks: [], market: names))
            == #"{"lastUpdateId":0,"bids":[],"asks":[]}"#)
    }

    @Test func klinesAreTwelveElementArrays() {
        let bar = Kline(openTime: 1_499_040_000_000, closeTime: 1_499_644_799_999, open: usdt("0.016347"),
                        high: usdt("0.8"), low: usdt("0.015758"), close: usdt("0.015771"),
                        volume: btc("148976.11427815"), quoteVolume: usdt("2434.190556"), trades: 308,
                        takerBuyBase: btc("1756.87402397"), takerBuyQuote: usdt("28.466943"))
        #expect(text(KlineJSON.renderList([bar], market: names)) == #"""
            [[1499040000000,"0.016347","0.800000","0.015758","0.015771","148976.11427815",1499644799999,\#
            "2434.190556",308,"1756.87402397","28.466943","0"]]
            """#)
        #expect(text(KlineJSON.renderList([], market: names)) == "[]")
    }

    @Test func averagePrice() {
        #expect(text(AveragePriceJSON.render(minutes: 5, price: usdt("9.35"), closeTime: 1_694_061_154_503, market: names))
            == #"{"mins":5,"price":"9.350000","closeTime":1694061154503}"#)
    }

    private var statistics: TickerStatistics {
        TickerStatistics(openPrice: usdt("400"), highPrice: usdt("420"), lowPrice: usdt("390"), lastPrice: usdt("395"),
                         lastQuantity: btc("0.5"), previousClosePrice: usdt("399"), volume: btc("3"),
                         quoteVolume: usdt("1200"), openTime: 1000, closeTime: 2000, firstTradeId: 10,
                         lastTradeId: 12, tradeCount: 3,
                         bestBid: DepthLevel(price: usdt("394"), quantity: btc("1")), bestAsk: nil)
    }

    @Test func fullTickerComputesChangeAndWeightedAverageWithIntegers() {
        #expect(text(TickerJSON.render(statistics, market: names)) == #"""
            {"symbol":"BTCUSDT","priceChange":"-5.000000","priceChangePercent":"-1.250",\#
            "weightedAvgPrice":"400.000000","prevClosePrice":"399.000000","lastPrice":"395.000000",\#
            "lastQty":"0.50000000","bidPrice":"394.000000","bidQty":"1.00000000","askPrice":"0.000000",\#
            "askQty":"0.00000000","openPrice":"400.000000","highPrice":"420.000000","lowPrice":"390.000000",\#
            "volume":"3.00000000","quoteVolume":"1200.000000","openTime":1000,"closeTime":2000,"firstId":10,\#
            "lastId":12,"count":3}
            """#)
    }

    @Test func miniTickerKeepsTheShortSet() {
        #expect(text(TickerJSON.render(statistics, type: .mini, market: names)) == #"""
            {"symbol":"BTCUSDT","openPrice":"400.000000","highPrice":"420.000000","lowPrice":"390.000000",\#
            "lastPrice":"395.000000","volume":"3.00000000","quoteVolume":"1200.000000","openTime":1000,\#
            "closeTime":2000,"firstId":10,"lastId":12,"count":3}
            """#)
    }

    @Test func priceChangePercentRoundsHalfAwayFromZeroToThreeDecimals() {
        var s = statistics
        s.openPrice = 3
        s.lastPrice = 4  // +33.3333 %
        #expect(s.priceChangePerMille == 33_333)
        s.lastPrice = 5  // +66.6666 %
        #expect(s.priceChangePerMille == 66_667)
        s.lastPrice = 1  // -66.6666 %
        #expect(s.priceChangePerMille == -66_667)
        s.openPrice = 0
        #expect(s.priceChangePerMille == 0)
    }

    @Test func weightedAverageOfNoVolumeIsZero() {
        let empty = TickerStatistics(openTime: 0, closeTime: 1)
        #expect(empty.weightedAveragePrice(baseScale: 8) == 0)
        #expect(text(TickerJSON.render(empty, market: names)).contains(#""firstId":-1,"lastId":-1,"count":0"#))
    }

    @Test func tickerListsAreArraysOfObjects() {
        let list = text(TickerJSON.renderList([(statistics, names), (statistics, names)], type: .mini))
        #expect(list.hasPrefix(#"[{"symbol":"BTCUSDT","openPrice""#))
        #expect(list.contains(#""count":3},{"symbol""#))
    }

    @Test func priceAndBookTickers() {
        #expect(text(PriceTickerJSON.render(price: usdt("4.000002"), market: names))
            == #"{"symbol":"BTCUSDT","price":"4.000002"}"#)
        #expect(text(PriceTickerJSON.renderList([(usdt("1"), names)])) == #"[{"symbol":"BTCUSDT","price":"1.000000"}]"#)
        #expect(text(BookTickerJSON.render(bid: DepthLevel(price: usdt("4"), quantity: btc("431")), ask: nil, market: names))
            == #"{"symbol":"BTCUSDT","bidPrice":"4.000000","bidQty":"431.00000000","askPrice":"0.000000","askQty":"0.00000000"}"#)
        #expect(text(BookTickerJSON.renderList([(bid: nil, ask: nil, market: names)])).hasPrefix("[{"))
    }
}
