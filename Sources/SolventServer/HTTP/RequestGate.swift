import SolventStore
import SolventWire

/// What a request passes before its handler: its weight against the IP's limits, then the
/// authentication its endpoint's security type requires.
package struct RequestGate: Sendable {
    let limiter: RateLimiter
    let authenticator: Authenticator
    let adminToken: String

    package init(limiter: RateLimiter, authenticator: Authenticator, adminToken: String) {
        self.limiter = limiter
        self.authenticator = authenticator
        self.adminToken = adminToken
    }

    package func admit(_ endpoint: Endpoint, _ request: inout APIRequest) throws(BinanceError) {
        let weight = endpoint.declaration.weight.of(request.parameters)
        try limiter.chargeRequest(ip: request.clientIP, weight: weight, now: request.receivedAt)
        switch endpoint.security {
        case .none: break
        case .userStream: request.account = try authenticator.keyOnly(request)
        case .trade: request.account = try authenticator.signed(request, needs: .trade)
        case .userData: request.account = try authenticator.signed(request, needs: .read)
        case .withdraw: request.account = try authenticator.signed(request, needs: .withdraw)
        case .admin:
            guard Self.isLoopback(request.clientIP), AdminToken.matches(request.adminToken, adminToken) else {
                throw .unauthorized
            }
        }
    }

    static func isLoopback(_ ip: String) -> Bool {
        ip == "127.0.0.1" || ip == "::1" || ip.hasPrefix("127.") || ip == "::ffff:127.0.0.1"
    }

    func usedWeight(ip: String) -> Int {
        limiter.usedWeight(ip: ip, now: ServerClock.milliseconds())
    }
}
