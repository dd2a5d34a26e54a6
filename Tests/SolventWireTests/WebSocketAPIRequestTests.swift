import Crypto
import Foundation
import SolventWire
import Testing

/// The WebSocket API's request frames (spec §6.3): read by a scanner that keeps every number's
/// spelling, and signed over their sorted parameters.
struct WebSocketAPIRequestTests {
    @Test func theSpecsSignatureVectorIsTheSortedPlainPayload() {
        let params = [("symbol", "BTCUSDT"), ("side", "SELL"), ("type", "LIMIT"), ("timeInForce", "GTC"),
                      ("quantity", "0.01000000"), ("price", "52000.00"), ("recvWindow", "100"),
                      ("timestamp", "1645423376532"),
                      ("apiKey", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"), ("signature", "x")]
            .map { WebSocketAPIRequest.Param(name: $0.0, value: $0.1) }
        let payload = WebSocketAPISignature.payload(WebSocketAPISignature.signed(params), encoded: false)
        let secret = SymmetricKey(data: Data("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j".utf8))
        let signature = HMAC<Crypto.SHA256>.authenticationCode(for: payload, using: secret).map { String(format: "%02x", $0) }.joined()
        #expect(signature == "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24")
        #expect(WebSocketAPISignature.formEncoded("x-a:b/c d") == "x-a%3Ab%2Fc+d")
    }

    /// One signature stands for one request: the form encoding of `a:b` is the plain text of
    /// `a%3Ab`, so a text holding `%` or `+` is read only as encoded.
    @Test func noPayloadIsTwoRequestsReadings() {
        func readings(_ value: String) -> [String] {
            WebSocketAPISignature.payloads([.init(name: "newClientOrderId", value: value)])
                .map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(readings("abc-1") == ["newClientOrderId=abc-1"])
        #expect(readings("a:b") == ["newClientOrderId=a:b", "newClientOrderId=a%3Ab"])
        #expect(readings("a%3Ab") == ["newClientOrderId=a%253Ab"])
        #expect(readings("a+b") == ["newClientOrderId=a%2Bb"])
        let values = ["a:b", "a%3Ab", "a b", "a+b", "a%2Bb", "[\"X\"]", "%5B%22X%22%5D", "plain"]
        var owner: [String: String] = [:]
        for value in values {
            for reading in readings(value) {
                #expect(owner[reading] == nil, "\(reading) reads as both \(owner[reading] ?? "") and \(value)")
                owner[reading] = value
            }
        }
    }

    @Test func theScannerKeepsNumberSpellingsAndRefusesWhatIsNotOneObject() {
        guard case .success(let request) = WebSocketAPIRequest.parse(
            #"{"id":-3,"method":"order.place","params":{"price":0.01000000,"x":"a\"b\u00e9\ud83d\ude00","b":true,"s":["A","B"],"n":null,"o":{"k":[1,{"z":"y"}]}}}"#)
        else { Issue.record("did not parse"); return }
        #expect(request.id == .int(-3))
        #expect(request.params.map(\.value) == ["0.01000000", "a\"bé😀", "true", #"["A","B"]"#, "", #"{"k":[1,{"z":"y"}]}"#])
        for bad in [#"{"id":1,"method":"ping"} x"#, "[1]", #"{"id":01,"method":"ping"}"#, #"{"id":1,"method":"ping",}"#,
                    #"{"id":"\x","method":"ping"}"#, String(repeating: "[", count: 40)] {
            if case .success = WebSocketAPIRequest.parse(bad) { Issue.record("accepted \(bad)") }
        }
    }
}
