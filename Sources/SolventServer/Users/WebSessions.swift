import Crypto
import Foundation
import HTTPTypes
import SolventCore
import SolventStore
import SolventWire
import Synchronization

/// The web page's sessions: a random 256-bit token in an HttpOnly, SameSite=Strict cookie, kept
/// server-side by its SHA-256 with a hard expiry (in the store, so a restart keeps people signed
/// in, and in memory, so checking a request never waits on the disk).
///
/// Every state-changing request made with a session carries the session's CSRF token in
/// `X-Solvent-CSRF`: an HMAC of the session token, which the page reads from the session's
/// JSON (another site can neither read that nor add the header to a forged request).
package final class WebSessions: Sendable {
    static let cookieName = "solvent_session"
    static let csrfHeader = "X-Solvent-CSRF"
    private let store: any UserStore
    private let settings: UserSettings
    private let live = Mutex<[[UInt8]: SessionRecord]>([:])

    init(store: any UserStore, settings: UserSettings, now: Int64) throws {
        self.store = store
        self.settings = settings
        _ = try store.deleteSessions(expiredAt: now)
        let sessions = try store.sessions()
        live.withLock { live in for session in sessions { live[session.tokenHash] = session } }
    }

    /// A new session for `user`: its token (for the cookie) and its record.
    func open(for user: UserRecord, now: Int64) throws -> (token: String, record: SessionRecord) {
        let token = RandomText.hex(bytes: 32)
        let record = SessionRecord(tokenHash: Self.hash(token), login: user.login, account: user.account, createdAt: now,
                                   expiresAt: now + Int64(settings.sessionSeconds) * 1_000)
        try store.insertSession(record)
        live.withLock { live in
            // Sessions nobody used again until they expired are dropped here, as the store drops them.
            live = live.filter { $0.value.expiresAt > now }
            live[record.tokenHash] = record
        }
        return (token, record)
    }

    /// Ends the session `token` names (logout); `false` if it was not open.
    func close(token: String) throws -> Bool {
        let hash = Self.hash(token)
        live.withLock { _ = $0.removeValue(forKey: hash) }
        return try store.deleteSession(tokenHash: hash)
    }

    /// The session a request carries, checked: a live session (-9206 otherwise) and, unless the
    /// method only reads, its CSRF token (-9207).
    func authenticate(_ request: APIRequest) throws(BinanceError) -> SessionRecord {
        guard let token = Self.token(inCookie: request.cookie) else { throw .notSignedIn }
        let hash = Self.hash(token)
        guard let session = live.withLock({ $0[hash] }) else { throw .notSignedIn }
        guard session.expiresAt > request.receivedAt else {
            live.withLock { _ = $0.removeValue(forKey: hash) }
            _ = try? store.deleteSession(tokenHash: hash)
            throw .notSignedIn
        }
        if !Self.readOnlyMethods.contains(request.method) {
            guard ConstantTime.equal(request.csrfToken, Self.csrfToken(forSession: token)) else { throw .badCSRFToken }
        }
        return session
    }

    private static let readOnlyMethods: Set<String> = ["GET", "HEAD"]

    /// The CSRF token of the session `token`: HMAC-SHA256 keyed by the token, so it names the
    /// session without revealing the token.
    static func csrfToken(forSession token: String) -> String {
        let mac = HMAC<Crypto.SHA256>.authenticationCode(for: Array("solvent csrf".utf8), using: SymmetricKey(data: Array(token.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// The session token in a `Cookie` header, if well formed (64 hex digits).
    static func token(inCookie header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.utf8.count == 64, value.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
                return value
            }
        }
        return nil
    }

    /// `Set-Cookie` for a session (`token`) or, with nil, the header that clears it.
    func cookie(_ token: String?, overTLS: Bool) -> (HTTPField.Name, String) {
        var parts = ["\(Self.cookieName)=\(token ?? "")", "Path=/", "HttpOnly", "SameSite=Strict",
                     "Max-Age=\(token == nil ? 0 : settings.sessionSeconds)"]
        if overTLS || settings.secureCookies { parts.append("Secure") }
        return (.setCookie, parts.joined(separator: "; "))
    }

    static func hash(_ token: String) -> [UInt8] {
        Array(Crypto.SHA256.hash(data: Array(token.utf8)))
    }
}
