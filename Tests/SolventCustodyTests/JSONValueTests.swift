import Testing
@testable import SolventCustody

@Suite("JSON-RPC text: numbers kept exact")
struct JSONValueTests {
    @Test func aReplyParsesWithItsNumbersAsText() throws {
        let reply = try JSONValue.parse(#" {"result":{"amount":-0.50000000,"n":[1,2e3,true,null],"s":"a\"\u00e9\ud83d\ude00"},"error":null,"id":7} "#)
        #expect(reply["result"]?["amount"]?.numberText == "-0.50000000")
        #expect(reply["result"]?["n"] == .array([.number("1"), .number("2e3"), .bool(true), .null]))
        #expect(reply["result"]?["s"]?.string == "a\"é😀")
        #expect(reply["id"]?.int == 7)
        #expect(reply["error"]?.isNull == true)
        #expect(try JSONValue.parse(reply.encoded()) == reply)
    }

    @Test func malformedDocumentsAreErrorsNotCrashes() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\u{01}\"", "\"\\x\"", "tru", "[1] 2",
                     String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "\"\\ud800\""] {
            #expect(throws: JSONValue.ParseError.self, "\(text)") { try JSONValue.parse(text) }
        }
    }

    @Test func chainAmountsBecomeUnitsExactly() throws {
        #expect(try ChainAmount.units("0.50000000", scale: 8) == 50_000_000)
        #expect(try ChainAmount.units("-0.1", scale: 8) == -10_000_000)
        #expect(try ChainAmount.units("21000000", scale: 8) == 2_100_000_000_000_000)
        #expect(try ChainAmount.units("1.000000000000000000", scale: 8) == 100_000_000, "zeros past the scale change nothing")
        #expect(throws: ChainAmount.Malformed.self) { try ChainAmount.units("0.000000001", scale: 8) }
        #expect(throws: ChainAmount.Malformed.self) { try ChainAmount.units("1e-05", scale: 8) }
        #expect(throws: ChainAmount.Malformed.self) { try ChainAmount.units("99999999999999", scale: 8) }
        #expect(ChainAmount.text(123, scale: 8) == "0.00000123")
    }
}
