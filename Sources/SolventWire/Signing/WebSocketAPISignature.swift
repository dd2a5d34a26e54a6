import Foundation

/// What a signed WebSocket API request's signature covers (spec §6.3): every parameter but
/// `signature`, sorted by name, as `name=value` joined by `&`.
public enum WebSocketAPISignature {
    /// The parameters the signature covers, in the order it covers them.
    public static func signed(_ parameters: [WebSocketAPIRequest.Param]) -> [WebSocketAPIRequest.Param] {
        parameters.filter { $0.name != "signature" }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// `name=value&…`. Clients sign either the plain text (ccxt) or its form encoding
    /// (python-binance and binance-sdk-spot run `urlencode`); for letters and digits the two are
    /// the same, and both are accepted so a client order id with `:` or `/` verifies either way.
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
