import SolventStore
import SolventWire

/// Signed WebSocket API requests (spec §6.3): the same checks as REST, in the same order (key,
/// timestamp, signature, permission), over a different payload (`WebSocketAPISignature`). A connection that logged on
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
        let payloads = WebSocketAPISignature.payloads(WebSocketAPISignature.signed(parameters))
        guard payloads.contains(where: { key.verifier.verifies(signature: signature, payload: $0) }) else {
            throw .invalidSignature
        }
        _ = try Self.permitted(key, permission)
        return key
    }
}
