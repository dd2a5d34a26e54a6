import SolventCore
import SolventStore
import SolventWire
import Synchronization

/// Checks a request's API key, timestamp and signature in Binance's order (spec §2.5): key
/// present and well-formed (-2014), known, enabled and allowed from this IP (-2015), timestamp
/// within the window (-1021), signature (-1022), permission (-2015).
package final class Authenticator: Sendable {
    private let keys = Mutex<[String: ActiveKey]>([:])

    package init(keys initial: [ActiveKey]) {
        keys.withLock { keys in for key in initial { keys[key.id] = key } }
    }

    func install(_ key: ActiveKey) {
        keys.withLock { $0[key.id] = key }
    }

    func remove(id: String) {
        _ = keys.withLock { $0.removeValue(forKey: id) }
    }

    func setEnabled(id: String, _ enabled: Bool) {
        keys.withLock { $0[id]?.enabled = enabled }
    }

    /// Whether the key exists and is enabled: what every session it opened is checked against
    /// (`UserStreams` ends the streams of a key that is not).
    /// Whether `id` names an auditor's key (enabled or not).
    func isAuditor(_ id: String) -> Bool {
        keys.withLock { $0[id]?.permissions.contains(.audit) ?? false }
    }

    func isActive(_ id: String) -> Bool {
        keys.withLock { $0[id]?.enabled ?? false }
    }

    /// USER_STREAM: the key alone, unsigned, as Binance has it; but the key must be allowed to
    /// read, since the stream carries the account's balances and orders.
    func keyOnly(_ request: APIRequest) throws(BinanceError) -> AccountId {
        try Self.permitted(try key(id: request.apiKey, ip: request.clientIP), .read)
    }

    /// TRADE and USER_DATA: key, timing, signature, then permission. The WebSocket API runs the
    /// same steps over its own payload (`WebSocketAPIAuthentication`).
    func signed(_ request: APIRequest, needs permission: APIKeyPermissions) throws(BinanceError) -> AccountId {
        let key = try key(id: request.apiKey, ip: request.clientIP)
        try Self.checkTiming(request.parameters, now: request.receivedAt)
        guard let signed = SignedRequest.locate(rawQuery: request.rawQuery, rawBody: request.rawBody) else {
            throw .mandatoryParameter("signature")
        }
        guard key.verifier.verifies(signed) else { throw .invalidSignature }
        return try Self.permitted(key, permission)
    }

    /// A known, enabled key allowed from `ip`: -2014 when missing or malformed, else -2015.
    func key(id: String?, ip: String) throws(BinanceError) -> ActiveKey {
        guard let id, Self.isWellFormed(id) else { throw .badAPIKeyFormat }
        guard let key = keys.withLock({ $0[id] }), key.enabled, key.allows(ip: ip) else {
            throw .rejectedAPIKey
        }
        return key
    }

    /// `timestamp` (mandatory) within `recvWindow` of `now` (-1021).
    static func checkTiming(_ parameters: RequestParameters, now: Int64) throws(BinanceError) {
        guard let timestamp = try parameters.timestampMilliseconds("timestamp") else {
            throw .mandatoryParameter("timestamp")
        }
        try RequestTiming.check(timestamp: timestamp, recvWindow: try parameters.recvWindowMilliseconds(), now: now)
    }

    /// The key's account if the key holds `permission` (-2015 otherwise).
    static func permitted(_ key: ActiveKey, _ permission: APIKeyPermissions) throws(BinanceError) -> AccountId {
        guard key.permissions.contains(permission) else { throw .rejectedAPIKey }
        // As on Binance: a key may withdraw only from the addresses it is restricted to.
        if permission.contains(.withdraw) && key.ipAllowList.isEmpty { throw .rejectedAPIKey }
        return key.account
    }

    /// Binance keys are 64 letters and digits.
    static func isWellFormed(_ id: String) -> Bool {
        id.utf8.count == 64 && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }
    }
}
