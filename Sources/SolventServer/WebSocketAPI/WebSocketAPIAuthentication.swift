import Foundation
import SolventStore
import SolventWire

/// Signed WebSocket API requests (spec §6.3): the same checks as REST, in the same order (key,
/// timestamp, signature, permission), over a different payload: every parameter but
/// `signature`, sorted by name, as `name=value` joined by `&`. A connection that logged on
/// (`session.logon`) may leave out `apiKey` and `signature`; `timestamp` is still required.
extension Authenticator {
    func webSocketSigned(_ parameters: [WebSocketAPIRequest.Param], logon: String?, ip: String, now: Int64,
                         needs permission: APIKeyPermissions) throws(BinanceError) -> ActiveKey {
        let values = try RequestParameters(parameters.map { ($0.name, $0.value) })
        guard let signature = values["signature"] else {
            guard let logon else { throw .mandatoryParameter(values["apiKey"] == nil ? "apiKey" : "signature") }
            let key = try key(id: logon, ip: ip)
            try Self.checkTiming(values, now: now)
            _ = try Self.permitted(key, permission)
            return key
        }
        guard let apiKey = values["apiKey"], !apiKey.isEmpty else { throw .mandatoryParameter("apiKey") }
        let key = try key(id: apiKey, ip: ip)
        try Self.checkTiming(values, now: now)
        let signed = parameters.filter { $0.name != "signature" }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        guard key.verifier.verifies(signature: signature, payload: Self.payload(signed, encoded: false))
            || key.verifier.verifies(signature: signature, payload: Self.payload(signed, encoded: true)) else {
            throw .invalidSignature
        }
        _ = try Self.permitted(key, permission)
        return key
    }

    /// `name=value&…`. Clients sign either the plain text (ccxt) or its form encoding
    /// (python-binance and binance-sdk-spot run `urlencode`); for letters and digits the two are
    /// the same, and both are accepted so a client order id with `:` or `/` verifies either way.
    static func payload(_ parameters: [WebSocketAPIRequest.Param], encoded: Bool) -> [UInt8] {
        let text = parameters.map { encoded ? formEncoded($0.name) + "=" + formEncoded($0.value) : $0.name + "=" + $0.value }
            .joined(separator: "&")
        return Array(text.utf8)
    }

    /// Python's `quote_plus`: letters, digits and `_.-~` as they are, space as `+`, the rest `%XX`.
    static func formEncoded(_ text: String) -> String {
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
