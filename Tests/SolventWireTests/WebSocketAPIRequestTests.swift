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
