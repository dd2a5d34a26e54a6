import SolventCore
import SolventWire
import Testing

@Suite("exchangeInfo")
struct ExchangeInfoTests {
    let btcusdt = ListedMarket(spec: WireExchange.btcusdtSpec, base: AssetSpec(name: "BTC", scale: 8),
                               quote: AssetSpec(name: "USDT", scale: 6))

    @Test func everySymbolKeyWithFiltersAtTheirScales() {
        let json = ExchangeInfoJSON.render(serverTime: 1_700_000_000_000, rateLimits: RateLimit.binanceDefaults,
                                           markets: [btcusdt])
        #expect(text(json) == #"""
            {"timezone":"UTC","serverTime":1700000000000,"rateLimits":[\#
            {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},\#
            {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100},\#
            {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":200000},\#
            {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}],\#
            "exchangeFilters":[],"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC",\#
            "baseAssetPrecision":8,"quoteAsset":"USDT","quotePrecision":6,"quoteAssetPrecision":6,\#
            "baseCommissionPrecision":8,"quoteCommissionPrecision":6,"orderTypes":["LIMIT","LIMIT_MAKER",\#
            "MARKET","STOP_LOSS","STOP_LOSS_LIMIT","TAKE_PROFIT","TAKE_PROFIT_LIMIT"],"icebergAllowed":true,\#
            "ocoAllowed":false,"otoAllowed":false,"opoAllowed":false,"quoteOrderQtyMarketAllowed":true,\#
            "allowTrailingStop":false,"cancelReplaceAllowed":true,"amendAllowed":true,\#
            "pegInstructionsAllowed":false,"isSpotTradingAllowed":true,"isMarginTradingAllowed":false,\#
            "filters":[{"filterType":"PRICE_FILTER","minPrice":"0.010000","maxPrice":"1000000.000000",\#
            "tickSize":"0.010000"},{"filterType":"LOT_SIZE","minQty":"0.00010000","maxQty":"9000.00000000",\#
            "stepSize":"0.00010000"},{"filterType":"ICEBERG_PARTS","limit":10},{"filterType":"NOTIONAL",\#
            "minNotional":"5.000000","applyMinToMarket":true,"maxNotional":"9223372036854.775807",\#
            "applyMaxToMarket":false,"avgPriceMins":5},{"filterType":"MAX_NUM_ORDERS","maxNumOrders":200}],\#
            "permissions":[],"permissionSets":[["SPOT"]],"defaultSelfTradePreventionMode":"EXPIRE_MAKER",\#
            "allowedSelfTradePreventionModes":["NONE","EXPIRE_TAKER","EXPIRE_MAKER","EXPIRE_BOTH","DECREMENT"]}]}
            """#)
    }

    @Test func optionalFiltersAndRestrictionsFollowTheSpec() {
        var market = btcusdt
        market.spec.status = .halt
        market.spec.orderTypes = [.market, .limit]
        market.spec.allowedSelfTradePreventionModes = [.expireBoth, .none]
        market.spec.defaultSelfTradePreventionMode = .none
        market.spec.icebergAllowed = false
        market.spec.filters.marketLotSize = LotSizeFilter(minQuantity: 0, maxQuantity: 100_000_000, stepSize: 0)
        market.spec.filters.notional = NotionalFilter(minNotional: 10_000_000, maxNotional: 0,
                                                      applyMinToMarket: false, averagePriceMinutes: 1)
        market.spec.filters.isLegacyMinNotional = true
        market.spec.filters.percentPriceBySide = PercentPriceBySideFilter(
            bidMultiplierUp: 500_000_000, bidMultiplierDown: 20_000_000, askMultiplierUp: 500_000_000,
            askMultiplierDown: 20_000_000, averagePriceMinutes: 5)
        market.spec.filters.icebergPartsLimit = 0
        market.spec.filters.maxNumOrders = 0
        let json = text(ExchangeInfoJSON.render(serverTime: 1, rateLimits: [], markets: [market],
                                                showPermissionSets: false))
        #expect(json.hasPrefix(#"{"timezone":"UTC","serverTime":1,"rateLimits":[],"exchangeFilters":[],"#))
        #expect(json.contains(#""status":"HALT""#))
        #expect(json.contains(#""orderTypes":["LIMIT","MARKET"],"icebergAllowed":false"#))
        #expect(json.contains(#"""
            {"filterType":"LOT_SIZE","minQty":"0.00010000","maxQty":"9000.00000000","stepSize":"0.00010000"},\#
            {"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"1.00000000","stepSize":"0.00000000"},\#
            {"filterType":"PERCENT_PRICE_BY_SIDE","bidMultiplierUp":"5.00000000","bidMultiplierDown":"0.20000000",\#
            "askMultiplierUp":"5.00000000","askMultiplierDown":"0.20000000","avgPriceMins":5},\#
            {"filterType":"MIN_NOTIONAL","minNotional":"10.000000","applyToMarket":false,"avgPriceMins":1}],
            """#))
        #expect(!json.contains("ICEBERG_PARTS"))
        #expect(!json.contains("MAX_NUM_ORDERS"))
        #expect(json.contains(#""permissions":[],"permissionSets":[],"defaultSelfTradePreventionMode":"NONE","#))
        #expect(json.hasSuffix(#""allowedSelfTradePreventionModes":["NONE","EXPIRE_BOTH"]}]}"#))
    }

    @Test func configuredMaxNotionalIsShownAsIs() {
        var market = btcusdt
        market.spec.filters.notional = NotionalFilter(minNotional: 1, maxNotional: 9_000_000_000_000)
        #expect(text(ExchangeInfoJSON.render(serverTime: 1, rateLimits: [], markets: [market]))
            .contains(#""maxNotional":"9000000.000000""#))
    }

    @Test func rateLimitsCanReportTheirCount() {
        var writer = JSONWriter()
        RateLimit(.orders, interval: .second, intervalNum: 10, limit: 50).write(count: 3, to: &writer)
        #expect(text(writer.finish())
            == #"{"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":50,"count":3}"#)
        #expect(RateLimit.Interval.minute.headerLetter == "M")
    }

    @Test func marketNamesComeFromTheSpecs() {
        let names = btcusdt.names
        #expect(names == WireExchange.names)
        #expect(names.assetName(WireExchange.usdt) == "USDT")
        #expect(names.scale(of: WireExchange.btc) == 8)
        #expect(names.priceScale == 6)
    }
}
