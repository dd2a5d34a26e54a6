import SolventCore
import SolventWire
import Testing

@Suite("RequestParameters: decoding and merging query and body")
struct RequestParametersTests {
    func parameters(_ query: String, _ body: String = "") throws(BinanceError) -> RequestParameters {
        try RequestParameters(rawQuery: query, rawBody: body)
    }

    @Test func percentEscapesAndPlusAreDecoded() throws {
        let p = try parameters("a=x%2By&b=hello+world&c=%E2%82%AC&d=%5B%22BTC%22%5D")
        #expect(p["a"] == "x+y")
        #expect(p["b"] == "hello world")
        #expect(p["c"] == "€")
        #expect(p["d"] == #"["BTC"]"#)
    }

    @Test func queryAndBodyMergeWithTheQueryWinning() throws {
        let p = try parameters("symbol=BTCUSDT&side=BUY", "side=SELL&quantity=1")
        #expect(p["side"] == "BUY")
        #expect(p["quantity"] == "1")
        #expect(p.names == ["symbol", "side", "quantity"])
    }

    @Test func bodyAloneIsReadAsForPythonBinanceDeletes() throws {
        let p = try parameters("", "orderId=12345&recvWindow=10000&symbol=BTCUSDT&timestamp=1&signature=ab")
        #expect(p["orderId"] == "12345")
        #expect(p.count == 5)
    }

    @Test func aNameRepeatedInOneSourceIsRefused() {
        #expect(throws: BinanceError.duplicateParameter("symbol")) { try parameters("symbol=A&symbol=B") }
        #expect(throws: BinanceError.duplicateParameter("symbol")) { try parameters("", "symbol=A&symbol=A") }
    }

    @Test func emptySegmentsAndBareNamesAreTolerated() throws {
        let p = try parameters("a=1&&b=&c&")
        #expect(p["a"] == "1")
        #expect(p["b"] == "")
        #expect(p["c"] == "")
        #expect(p["missing"] == nil)
        #expect(!p.contains("b"))
        #expect(p.contains("a"))
    }

    @Test func brokenEscapesAreIllegalCharacters() {
        #expect(throws: BinanceError.illegalCharacters(parameter: "price")) { try parameters("price=1%2") }
        #expect(throws: BinanceError.illegalCharacters(parameter: "price")) { try parameters("price=%ZZ") }
        #expect(throws: BinanceError.illegalCharacters(parameter: "x")) { try parameters("x=%FF") }
        #expect(throws: BinanceError.illegalCharactersInRequest) { try parameters("=1") }
    }

    @Test func tooManyParametersAreRefused() {
        let query = (0...RequestParameters.countMax).map { "p\($0)=1" }.joined(separator: "&")
        #expect(throws: BinanceError.tooManyParameters) { try parameters(query) }
    }

    @Test func requiredReportsAbsentAndEmptyAsMandatory() throws {
        let p = try parameters("symbol=&side=BUY")
        #expect(throws: BinanceError.mandatoryParameter("symbol")) { try p.required("symbol") }
        #expect(throws: BinanceError.mandatoryParameter("type")) { try p.required("type") }
        #expect(try p.required("side") == "BUY")
        #expect(BinanceError.mandatoryParameter("symbol").message
            == "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.")
    }

    @Test func namesOutsideAKnownSetCanBeListedForStrictMode() throws {
        let p = try parameters("symbol=A&foo=1&bar=2")
        #expect(p.names(notIn: ["symbol"]) == ["foo", "bar"])
    }

    @Test func directPairsRefuseDuplicatesToo() throws {
        let p = try RequestParameters([("symbol", "BTCUSDT"), ("limit", "5")])
        #expect(try p.int("limit") == 5)
        #expect(throws: BinanceError.duplicateParameter("a")) { try RequestParameters([("a", "1"), ("a", "2")]) }
    }

    @Test func clientOrderIdsFollowBinancesAlphabet() throws {
        let p = try parameters("newClientOrderId=x-TKT5PX2F0123456789abcdefABCDEF&origClientOrderId=a.b:c/d_e-f")
        #expect(try p.clientOrderId("newClientOrderId")?.description == "x-TKT5PX2F0123456789abcdefABCDEF")
        #expect(try p.clientOrderId("origClientOrderId")?.description == "a.b:c/d_e-f")
        #expect(try p.clientOrderId("listClientOrderId") == nil)
    }

    @Test func badClientOrderIdsAreIllegalCharacters() throws {
        let tooLong = String(repeating: "a", count: 37)
        for bad in ["has space", "percent%25", tooLong, "%C3%A9"] {
            let p = try parameters("newClientOrderId=" + bad)
            #expect(throws: BinanceError.illegalCharacters(parameter: "newClientOrderId",
                                                           legalRange: LegalRange.clientOrderId)) {
                try p.clientOrderId("newClientOrderId")
            }
        }
    }

    @Test func emptyClientOrderIdsHaveTheirOwnCodes() throws {
        let p = try parameters("newClientOrderId=&origClientOrderId=&listClientOrderId=&cancelNewClientOrderId=")
        #expect(throws: BinanceError.emptyNewClientOrderId) { try p.clientOrderId("newClientOrderId") }
        #expect(throws: BinanceError.emptyNewClientOrderId) { try p.clientOrderId("cancelNewClientOrderId") }
        #expect(throws: BinanceError.emptyOriginalClientOrderId) { try p.clientOrderId("origClientOrderId") }
        #expect(throws: BinanceError.emptyParameter("listClientOrderId")) { try p.clientOrderId("listClientOrderId") }
    }
}
