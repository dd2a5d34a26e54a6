import Foundation

/// What a signed WebSocket API request's signature covers (spec §6.3): every parameter but
/// `signature`, sorted by name, as `name=value` joined by `&`.
public enum WebSocketAPISignature {
    /// The parameters the signature covers, in the order it covers them.
    public static func signed(_ parameters: [WebSocketAPIRequest.Param]) -> [WebSocketAPIRequest.Param] {
        parameters.filter { $0.name != "signature" }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The payloads a signature over `parameters` (already `signed`) may cover, one per reading
    /// that cannot be another request's. Clients sign either the plain text (ccxt) or its form
    /// encoding (python-binance and binance-sdk-spot run `urlencode`); for letters and digits the
    /// two are the same. Accepting both blindly would let one signature stand for two requests:
    /// the encoding of `a:b` is the plain text of `a%3Ab`. Form encoding is one-to-one, and every
    /// encoding that differs from its plain text holds a `%` or `+`; so the plain reading is
    /// offered only when the plain text holds neither (no Binance parameter value needs them), and
    /// each payload then belongs to exactly one request.
    public static func payloads(_ parameters: [WebSocketAPIRequest.Param]) -> [[UInt8]] {
        let plain = payload(parameters, encoded: false)
        let encoded = payload(parameters, encoded: true)
        if plain == encoded { return [plain] }
        let ambiguous = plain.contains(UInt8(ascii: "%")) || plain.contains(UInt8(ascii: "+"))
        return ambiguous ? [encoded] : [plain, encoded]
    }

    /// `name=value&…`, of the plain text or of its form encoding.
    public static func payload(_ parameters: [WebSocketAPIRequest.Param], encoded: Bool) -> [UInt8] {
        let text = parameters.map { encoded ? formEncoded($0.name) + "=" + formEncoded($0.value) : $0.name + "=" + $0.value }
            .joined(separator: "&")
        return Array(text.utf8)
    }

    /// Python's `quote_plus`: letters, digits and `_.-~` as they are, space as `+`, the rest `%XX`.
    public static func formEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"),
                 UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                result += "+"
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
