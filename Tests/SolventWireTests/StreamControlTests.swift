import SolventWire
import Testing

/// Control messages of the market streams (spec §5.2): what each request parses to, and the
/// replies and error codes clients match on.
@Suite struct StreamControlTests {
    private func reply(_ text: String) -> String {
        switch ControlRequest.parse(text) {
        case .success(let request): "parsed \(request)"
        case .failure(let failure): String(decoding: ControlReply.failure(failure), as: UTF8.self)
        }
    }

    @Test func subscribeKeepsTheIdsJsonType() throws {
        let integer = try ControlRequest.parse(#"{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1}"#).get()
        #expect(integer == ControlRequest(id: .int(1), method: .subscribe(["btcusdt@trade"])))
        let uuid = "8f2c7c1e-3b1d-4e55-9a43-0c2a1f7d9b10"
        let text = try ControlRequest.parse(#"{"method":"UNSUBSCRIBE","params":[],"id":"\#(uuid)"}"#).get()
        #expect(text.id == .string(uuid))
        let none = try ControlRequest.parse(#"{"method":"LIST_SUBSCRIPTIONS","id":null}"#).get()
        #expect(none == ControlRequest(id: .null, method: .listSubscriptions))
        let big = try ControlRequest.parse(#"{"method":"LIST_SUBSCRIPTIONS","id":-9223372036854775808}"#).get()
        #expect(big.id == .int(.min))
    }

    @Test func repliesEchoTheIdVerbatim() {
        #expect(String(decoding: ControlReply.result(null: .int(7)), as: UTF8.self) == #"{"result":null,"id":7}"#)
        #expect(String(decoding: ControlReply.result(null: .string("a-b")), as: UTF8.self) == #"{"result":null,"id":"a-b"}"#)
        #expect(String(decoding: ControlReply.result(["x@trade"], id: .null), as: UTF8.self)
            == #"{"result":["x@trade"],"id":null}"#)
        #expect(String(decoding: ControlReply.result(true, id: .int(2)), as: UTF8.self) == #"{"result":true,"id":2}"#)
    }

    @Test func propertiesOnlyKnowCombinedAndOnlyBooleans() throws {
        #expect(try ControlRequest.parse(#"{"method":"SET_PROPERTY","params":["combined",false],"id":5}"#).get()
            == ControlRequest(id: .int(5), method: .setProperty("combined", false)))
        #expect(reply(#"{"method":"SET_PROPERTY","params":["compressed",true],"id":5}"#)
            == #"{"error":{"code":0,"msg":"Unknown property"},"id":5}"#)
        #expect(reply(#"{"method":"SET_PROPERTY","params":["combined","yes"],"id":6}"#)
            == #"{"error":{"code":1,"msg":"Invalid value type: expected Boolean"},"id":6}"#)
        #expect(reply(#"{"method":"GET_PROPERTY","params":[1],"id":7}"#)
            == #"{"error":{"code":2,"msg":"Invalid request: property name must be a string"},"id":7}"#)
        #expect(reply(#"{"method":"GET_PROPERTY","params":["combined","x"],"id":8}"#)
            == #"{"error":{"code":2,"msg":"Invalid request: too many parameters"},"id":8}"#)
    }

    @Test func malformedRequestsGetCodesTwoAndThree() {
        #expect(reply("{not json") == #"{"error":{"code":3,"msg":"Invalid JSON: expected value at line 1 column 1"},"id":null}"#)
        #expect(reply(#"["SUBSCRIBE"]"#).contains(#""code":3"#))
        #expect(reply(#"{"method":"SUBSCRIBE","params":[],"id":1.5}"#)
            == #"{"error":{"code":2,"msg":"Invalid request: request ID must be an unsigned integer"},"id":null}"#)
        #expect(reply(#"{"method":"SUBSCRIBE","params":[],"id":"\#(String(repeating: "x", count: 37))"}"#)
            .contains("request ID"))
        #expect(reply(#"{"params":[],"id":3}"#) == #"{"error":{"code":2,"msg":"Invalid request: missing field `method`"},"id":3}"#)
        #expect(reply(#"{"method":"PING","id":4}"#).hasPrefix(#"{"error":{"code":2,"msg":"Invalid request: unknown variant `PING`"#))
        #expect(reply(#"{"method":"SUBSCRIBE","params":["has space"],"id":9}"#)
            == #"{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":9}"#)
        #expect(reply(#"{"method":"SUBSCRIBE","params":"btcusdt@trade","id":10}"#).contains("invalid stream"))
    }
}
