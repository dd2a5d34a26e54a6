import SolventStore
import SolventWire

/// What a request passes before its handler: its weight against the IP's limits, then the
/// authentication its endpoint's security type requires. The operator's requests are the one
/// exception: checked first and never charged, so the operator's own scripts are not throttled.
/// Only the admin listener binds `.admin` endpoints (`Endpoint.onAdminListener`), with a gate of
/// its own; on the public listener they do not exist.
package struct RequestGate: Sendable {
    let limiter: RateLimiter
    let authenticator: Authenticator
    let adminToken: String
    /// The web page's sessions; without them (benchmarks, tests of the door) no cookie is honoured.
    let sessions: WebSessions?

    package init(limiter: RateLimiter, authenticator: Authenticator, adminToken: String, sessions: WebSessions? = nil) {
        self.limiter = limiter
        self.authenticator = authenticator
        self.adminToken = adminToken
        self.sessions = sessions
    }

    package func admit(_ endpoint: Endpoint, _ request: inout APIRequest) throws(BinanceError) {
        if endpoint.security == .admin && AdminToken.matches(request.adminToken, adminToken) { return }
        let weight = endpoint.declaration.weight.of(request.parameters)
        request.usedWeight = try limiter.chargeRequest(ip: request.clientIP, weight: weight, now: request.receivedAt)
        switch endpoint.security {
        case .none:
            // The page's public forms (sign-up, login) change state: never on an auditor's key.
            if endpoint.method != "GET", let key = request.apiKey, authenticator.isAuditor(key) { throw .rejectedAPIKey }
        case .userStream:
            if try !bySession(&request, needs: .read) { request.account = try authenticator.keyOnly(request) }
        case .trade:
            if try !bySession(&request, needs: .trade) { request.account = try authenticator.signed(request, needs: .trade) }
        case .userData:
            if try !bySession(&request, needs: .read) { request.account = try authenticator.signed(request, needs: .read) }
        case .withdraw:
            // The page may ask too: the handler then checks the session's second factor.
            if try !bySession(&request, needs: .withdraw) { request.account = try authenticator.signed(request, needs: .withdraw) }
        case .proofSecret:
            if try !bySession(&request, needs: .read) { request.account = try authenticator.signed(request, needs: .proof) }
        case .audit: request.account = try authenticator.signed(request, needs: .audit)
        case .admin: throw .unauthorized  // charged, as any caller who is not the operator
        case .session:
            guard let sessions else { throw .notSignedIn }
            let session = try sessions.authenticate(request)
            request.session = session
            request.account = session.account
        }
    }

    /// The web page signed in: a request with a session cookie and no API key acts for the
    /// session's account, with what a read-and-trade key may do, and may fetch the account's
    /// proof secret: the holder signed in, not a key that might have leaked; and may ask for a
    /// withdrawal, which its handler lets through only with a good second-factor code. Nil when
    /// the request is not the page's, so the API key decides. Returns whether the session
    /// authenticated the request.
    private func bySession(_ request: inout APIRequest, needs permission: APIKeyPermissions) throws(BinanceError) -> Bool {
        guard let sessions, request.apiKey == nil, WebSessions.token(inCookie: request.cookie) != nil else { return false }
        guard APIKeyPermissions([.read, .trade, .withdraw]).isSuperset(of: permission) else { throw .rejectedAPIKey }
        let session = try sessions.authenticate(request)
        request.session = session
        request.account = session.account
        return true
    }

    func usedWeight(ip: String) -> Int {
        limiter.usedWeight(ip: ip, now: ServerClock.milliseconds())
    }
}
