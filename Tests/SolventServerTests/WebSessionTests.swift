@testable import SolventServer
import SolventStore
import SolventWire
import Testing

/// `WebSessions` alone, on a clock the test sets: expiry, the CSRF rule, restarts.
struct WebSessionTests {
    static let user = UserRecord(login: "alice", account: 7, passwordHash: "x", createdAt: 0)

    static func request(_ method: String, token: String?, csrf: String?, at now: Int64) throws -> APIRequest {
        APIRequest(method: method, path: "/x", rawQuery: "", rawBody: "", parameters: try RequestParameters(rawQuery: "", rawBody: ""),
                   apiKey: nil, adminToken: nil, clientIP: "127.0.0.1", receivedAt: now, account: nil,
                   cookie: token.map { "other=1; \(WebSessions.cookieName)=\($0)" }, csrfToken: csrf)
    }

    static func sessions(_ store: any UserStore, seconds: Int = 60) throws -> WebSessions {
        var settings = UserSettings()
        settings.sessionSeconds = seconds
        return try WebSessions(store: store, settings: settings, now: 0)
    }

    @Test func aSessionLivesUntilItsExpiryAndNotAMillisecondLonger() throws {
        let store = try SQLiteUserStore(inMemory: ())
        try store.insert(Self.user)
        let sessions = try Self.sessions(store)
        let (token, record) = try sessions.open(for: Self.user, now: 1_000)
        #expect(record.expiresAt == 61_000 && record.tokenHash == WebSessions.hash(token) && token.count == 64)
        #expect(try sessions.authenticate(Self.request("GET", token: token, csrf: nil, at: 60_999)).account == 7)
        #expect(throws: BinanceError.notSignedIn) { try sessions.authenticate(Self.request("GET", token: token, csrf: nil, at: 61_000)) }
        #expect(try store.session(tokenHash: record.tokenHash) == nil, "an expired session is dropped when seen")
        #expect(throws: BinanceError.notSignedIn) { try sessions.authenticate(Self.request("GET", token: token, csrf: nil, at: 1_500)) }
    }

    @Test func changesNeedTheSessionsOwnCSRFTokenInConstantTime() throws {
        let store = try SQLiteUserStore(inMemory: ())
        try store.insert(Self.user)
        let sessions = try Self.sessions(store)
        let (token, _) = try sessions.open(for: Self.user, now: 0)
        let csrf = WebSessions.csrfToken(forSession: token)
        #expect(csrf.count == 64 && csrf != token)
        for method in ["POST", "PUT", "DELETE"] {
            #expect(throws: BinanceError.badCSRFToken) { try sessions.authenticate(Self.request(method, token: token, csrf: nil, at: 1)) }
            let near = String(csrf.dropLast()) + (csrf.last == "0" ? "1" : "0")
            #expect(throws: BinanceError.badCSRFToken) { try sessions.authenticate(Self.request(method, token: token, csrf: near, at: 1)) }
            #expect(try sessions.authenticate(Self.request(method, token: token, csrf: csrf, at: 1)).login == "alice")
        }
        #expect(try sessions.authenticate(Self.request("HEAD", token: token, csrf: nil, at: 1)).login == "alice")
    }

    @Test func sessionsSurviveARestartAndLogoutEndsThem() throws {
        let store = try SQLiteUserStore(inMemory: ())
        try store.insert(Self.user)
        let (token, _) = try Self.sessions(store).open(for: Self.user, now: 0)
        let restarted = try Self.sessions(store)
        #expect(try restarted.authenticate(Self.request("GET", token: token, csrf: nil, at: 10)).account == 7)
        #expect(try restarted.close(token: token))
        #expect(throws: BinanceError.notSignedIn) { try restarted.authenticate(Self.request("GET", token: token, csrf: nil, at: 10)) }
        #expect(throws: BinanceError.notSignedIn) { try Self.sessions(store).authenticate(Self.request("GET", token: token, csrf: nil, at: 10)) }
    }

    @Test func onlyAWellFormedTokenIsReadFromTheCookie() {
        let token = String(repeating: "ab", count: 32)
        #expect(WebSessions.token(inCookie: "\(WebSessions.cookieName)=\(token)") == token)
        #expect(WebSessions.token(inCookie: "a=b;  \(WebSessions.cookieName)=\(token) ; c=d") == token)
        #expect(WebSessions.token(inCookie: "\(WebSessions.cookieName)=\(token.uppercased())") == nil)
        #expect(WebSessions.token(inCookie: "\(WebSessions.cookieName)=\(token)00") == nil)
        #expect(WebSessions.token(inCookie: "x\(WebSessions.cookieName)=\(token)") == nil)
        #expect(WebSessions.token(inCookie: nil) == nil)
    }
}
