import SolventCore
import SolventWire
import Testing

@Suite("RequestParameters: typed values")
struct ParameterValueTests {
    private func one(_ name: String, _ value: String) throws -> RequestParameters {
        try RequestParameters(rawQuery: "\(name)=\(value)", rawBody: "")
    }

    @Test(arguments: [("50000", 5_000_000_000_000), ("50000.0", 5_000_000_000_000),
                      ("0.00100000", 100_000), ("0.001", 100_000), ("1", 100_000_000)] as [(String, Int64)])
    func decimalsParseToUnits(text: String, units: Int64) throws {
        #expect(try one("quantity", text).decimal("quantity", scale: 8) == units)
    }

    @Test(arguments: ["1e-05", "-1", ".5", "1.", "+1", "1,5", "0x10", "1 ", "１"])
    func malformedDecimalsAreIllegalCharactersWithTheRegexText(text: String) throws {
        let p = try RequestParameters([("quantity", text)])
        let error = BinanceError.illegalCharacters(parameter: "quantity")
        #expect(error.message
            == "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.")
        #expect(throws: error) { try p.decimal("quantity", scale: 8) }
    }

    @Test func tooManyFractionDigitsIsBadPrecision() throws {
        #expect(throws: BinanceError.badPrecision(parameter: "price")) {
            try one("price", "0.1234567").decimal("price", scale: 6)
        }
        #expect(throws: BinanceError.badPrecision(parameter: "price")) {
            try one("price", "1.0000000").decimal("price", scale: 6)
        }
    }

    @Test func decimalsBeyondInt64AreTooLarge() throws {
        let error = #expect(throws: BinanceError.self) { try one("quantity", "99999999999999999999").decimal("quantity", scale: 8) }
        #expect(error?.code == -1013)
    }

    @Test func anEmptyDecimalIsRefusedAndAnAbsentOneIsNil() throws {
        let p = try RequestParameters(rawQuery: "price=", rawBody: "")
        #expect(throws: BinanceError.emptyParameter("price")) { try p.decimal("price", scale: 8) }
        #expect(try p.decimal("stopPrice", scale: 8) == nil)
        #expect(throws: BinanceError.mandatoryParameter("price")) { try p.requiredDecimal("price", scale: 8) }
    }

    @Test func integersAreSignedDigitsOnly() throws {
        #expect(try one("orderId", "12345").int64("orderId") == 12345)
        #expect(try one("strategyId", "-7").int64("strategyId") == -7)
        #expect(try one("limit", "500").int("limit") == 500)
        for bad in ["1.0", "abc", "12a", "-", "1e3", "%2B1"] {
            #expect(throws: BinanceError.illegalCharacters(parameter: "orderId", legalRange: LegalRange.integer)) {
                try one("orderId", bad).int64("orderId")
            }
        }
        #expect(throws: BinanceError.parameterOverflow("orderId")) {
            try one("orderId", "9999999999999999999").int64("orderId")
        }
        #expect(throws: BinanceError.mandatoryParameter("orderId")) { try one("x", "1").requiredInt64("orderId") }
    }

    @Test func booleansAreLowerCaseTrueOrFalse() throws {
        #expect(try one("omitZeroBalances", "true").bool("omitZeroBalances") == true)
        #expect(try one("omitZeroBalances", "false").bool("omitZeroBalances") == false)
        #expect(try one("x", "1").bool("omitZeroBalances") == nil)
        for bad in ["True", "1", "yes"] {
            #expect(throws: BinanceError.illegalCharacters(parameter: "omitZeroBalances",
                                                           legalRange: LegalRange.boolean)) {
                try one("omitZeroBalances", bad).bool("omitZeroBalances")
            }
        }
    }

    @Test func timestampsAcceptMillisecondsAndMicroseconds() throws {
        #expect(try one("timestamp", "1499827319559").timestampMilliseconds("timestamp") == 1_499_827_319_559)
        #expect(try one("timestamp", "1499827319559123").timestampMilliseconds("timestamp") == 1_499_827_319_559)
        #expect(try one("startTime", "0").timestampMilliseconds("startTime") == 0)
        #expect(throws: BinanceError.self) { try one("startTime", "-5").timestampMilliseconds("startTime") }
    }

    @Test(arguments: [("5000", 5000), ("5000.0", 5000), ("6000.346", 6000), ("0.999", 0), ("60000", 60000)]
          as [(String, Int64)])
    func recvWindowTakesUpToThreeDecimalsRoundedDown(text: String, milliseconds: Int64) throws {
        #expect(try one("recvWindow", text).recvWindowMilliseconds() == milliseconds)
    }

    @Test func recvWindowRefusesMoreDecimalsAndJunk() throws {
        #expect(throws: BinanceError.badPrecision(parameter: "recvWindow")) {
            try one("recvWindow", "5000.1234").recvWindowMilliseconds()
        }
        #expect(throws: BinanceError.illegalCharacters(parameter: "recvWindow")) {
            try one("recvWindow", "5e3").recvWindowMilliseconds()
        }
        #expect(try one("x", "1").recvWindowMilliseconds() == nil)
    }

    @Test func enumsMapToCoreValuesWithTheirOwnErrors() throws {
        let p = try RequestParameters(rawQuery: "side=SELL&type=STOP_LOSS_LIMIT&timeInForce=FOK&newOrderRespType=RESULT"
            + "&selfTradePreventionMode=EXPIRE_BOTH&cancelRestrictions=ONLY_PARTIALLY_FILLED"
            + "&cancelReplaceMode=ALLOW_FAILURE&interval=1M&symbolStatus=HALT", rawBody: "")
        #expect(try p.side() == .sell)
        #expect(try p.orderType() == .stopLossLimit)
        #expect(try p.timeInForce() == .fok)
        #expect(try p.newOrderResponseType() == .result)
        #expect(try p.selfTradePreventionMode() == .expireBoth)
        #expect(try p.cancelRestrictions() == .onlyPartiallyFilled)
        #expect(try p.cancelReplaceMode() == .allowFailure)
        #expect(try p.klineInterval() == .oneMonth)
        #expect(try p.symbolStatus() == .halt)
        #expect(try p.tickerType("absent") == nil)
    }

    @Test(arguments: [
        ("side", "buy", BinanceError.invalidSide),
        ("type", "LIMITED", .invalidOrderType),
        ("timeInForce", "GTX", .invalidTimeInForce),
        ("cancelRestrictions", "ONLY_FILLED", .invalidCancelRestrictions),
        ("interval", "2m", .badInterval),
        ("newOrderRespType", "SHORT", .invalidParameter("newOrderRespType")),
        ("cancelReplaceMode", "MAYBE", .invalidParameter("cancelReplaceMode")),
        ("selfTradePreventionMode", "SOMETIMES", .invalidParameter("selfTradePreventionMode")),
        ("selfTradePreventionMode", "TRANSFER", BinanceError(.selfTradePreventionModeNotAllowed)),
        ("type", "mini", .invalidTickerType),
        ("symbolStatus", "OPEN", .invalidSymbolStatus),
    ] as [(String, String, BinanceError)])
    func unknownEnumNamesGetBinancesCodes(name: String, value: String, error: BinanceError) throws {
        let p = try one(name, value)
        #expect(throws: error) {
            switch name {
            case "side": _ = try p.side()
            case "type" where error == .invalidTickerType: _ = try p.tickerType()
            case "type": _ = try p.orderType()
            case "timeInForce": _ = try p.timeInForce()
            case "cancelRestrictions": _ = try p.cancelRestrictions()
            case "interval": _ = try p.klineInterval()
            case "newOrderRespType": _ = try p.newOrderResponseType()
            case "cancelReplaceMode": _ = try p.cancelReplaceMode()
            case "symbolStatus": _ = try p.symbolStatus()
            default: _ = try p.selfTradePreventionMode()
            }
        }
    }

    @Test func defaultResponseTypeIsFullForMarketAndLimitOnly() {
        #expect(NewOrderResponseType.defaultFor(.market) == .full)
        #expect(NewOrderResponseType.defaultFor(.limit) == .full)
        #expect(NewOrderResponseType.defaultFor(.limitMaker) == .ack)
        #expect(NewOrderResponseType.defaultFor(.stopLoss) == .ack)
    }

    @Test func symbolsArriveRawOrPercentEncoded() throws {
        let raw = try RequestParameters(rawQuery: #"symbols=["BTCUSDT","BNBBTC"]"#, rawBody: "")
        let encoded = try RequestParameters(rawQuery: "symbols=%5B%22BTCUSDT%22%2C%22BNBBTC%22%5D", rawBody: "")
        let spaced = try RequestParameters(rawQuery: "symbols=%5B+%22BTCUSDT%22+,%22BNBBTC%22%5D", rawBody: "")
        #expect(try raw.symbols() == ["BTCUSDT", "BNBBTC"])
        #expect(try encoded.symbols() == ["BTCUSDT", "BNBBTC"])
        #expect(try spaced.symbols() == ["BTCUSDT", "BNBBTC"])
        #expect(try one("symbols", "[]").symbols() == [])
        #expect(try one("x", "1").symbols() == nil)
    }

    @Test(arguments: [#"["BTCUSDT""#, #"BTCUSDT"#, #"["BTCUSDT",]"#, #"[BTCUSDT]"#, #"["A"]x"#, #"[1]"#, #"["A\n"]"#])
    func symbolsThatAreNotAJSONStringArrayAreInvalidJSON(text: String) throws {
        let p = try RequestParameters([("symbols", text)])
        #expect(throws: BinanceError.invalidJSON(parameter: "symbols")) { try p.symbols() }
    }

    @Test func repeatedSymbolsAreRefused() throws {
        let p = try RequestParameters(rawQuery: #"symbols=["BTCUSDT","ETHBTC","BTCUSDT"]"#, rawBody: "")
        #expect(throws: BinanceError.duplicateSymbols) { try p.symbols() }
    }

    @Test func permissionsAreOneNameOrAnArray() throws {
        #expect(try one("permissions", "SPOT").permissions() == ["SPOT"])
        #expect(try one("permissions", #"["SPOT","MARGIN"]"#).permissions() == ["SPOT", "MARGIN"])
    }
}
