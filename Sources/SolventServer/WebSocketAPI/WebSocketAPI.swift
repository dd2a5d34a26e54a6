import SolventCore
import SolventStore
import SolventWire

/// The WebSocket API (`/ws-api/v3`, spec §6.3) as a function: one request frame in, one response
/// frame out, whatever the frame holds. Methods that are REST endpoints under another name run
/// that endpoint's own handler, after the same rate limit and the same authentication checks
/// (over the WebSocket API's signature payload), so both surfaces answer alike by construction.
struct WebSocketAPI: Sendable {
    let endpoints: EndpointTable
    let authenticator: Authenticator
    let limiter: RateLimiter
    let userStreams: UserStreams
    var clock: @Sendable () -> Int64 = ServerClock.milliseconds

    /// Parameters that authenticate or shape the reply; the endpoint never sees them.
    static let envelopeParameters: Set<String> = ["apiKey", "signature", "returnRateLimits"]

    func respond(to text: String, on connection: WebSocketAPIConnection) async -> [UInt8] {
        let now = clock()
        let request: WebSocketAPIRequest
        switch WebSocketAPIRequest.parse(text) {
        case .success(let parsed): request = parsed
        case .failure(let malformed):
            _ = try? limiter.chargeRequest(ip: connection.clientIP, weight: RequestWeight.unknownEndpoint, now: now)
            return WebSocketAPIReply.failure(id: malformed.id, error: malformed.error,
                                             usage: usage(connection, account: nil, orders: false, now: now))
        }
        // binance-sdk-spot sends the string "false" when configured off (spec §6.3).
        let wantsRateLimits = request.params.first { $0.name == "returnRateLimits" }?.value != "false"
        var account: AccountId?
        let method = WebSocketAPIMethod.named(request.method, in: endpoints)
        do throws(BinanceError) {
            let result = try await serve(request, method, on: connection, now: now, account: &account)
            return WebSocketAPIReply.success(
                id: request.id, result: result,
                usage: wantsRateLimits ? usage(connection, account: account, orders: method?.placesOrders == true, now: now) : nil)
        } catch {
            return WebSocketAPIReply.failure(
                id: request.id, error: error,
                usage: wantsRateLimits ? usage(connection, account: account, orders: method?.placesOrders == true, now: now) : nil)
        }
    }

    /// The connection is gone: its subscriptions end with it.
    func closed(_ connection: WebSocketAPIConnection) {
        for subscription in connection.removeSubscriptions(nil) { userStreams.unsubscribe(subscription.hub) }
    }

    private func serve(_ request: WebSocketAPIRequest, _ method: WebSocketAPIMethod?, on connection: WebSocketAPIConnection,
                       now: Int64, account: inout AccountId?) async throws(BinanceError) -> [UInt8] {
        guard let method else {
            try limiter.chargeRequest(ip: connection.clientIP, weight: RequestWeight.unknownEndpoint, now: now)
            throw .unsupportedOperation
        }
        let parameters = try RequestParameters(request.params.map { ($0.name, $0.value) })
        guard case .endpoint(let endpoint) = method else {
            try limiter.chargeRequest(ip: connection.clientIP, weight: WebSocketAPIMethod.ownWeight, now: now)
            let sessions = WebSocketAPISessionMethods(api: self, connection: connection, now: now)
            return try sessions.serve(method, request.params, parameters, account: &account)
        }
        try limiter.chargeRequest(ip: connection.clientIP, weight: endpoint.declaration.weight.of(parameters), now: now)
        account = try authenticate(endpoint.security, request.params, on: connection, now: now)
        let forwarded = try RequestParameters(request.params.filter { !Self.envelopeParameters.contains($0.name) }
            .map { ($0.name, $0.value) })
        let apiRequest = APIRequest(method: endpoint.method, path: endpoint.path, rawQuery: "", rawBody: "", parameters: forwarded,
                                    apiKey: parameters["apiKey"], adminToken: nil, clientIP: connection.clientIP,
                                    receivedAt: now, account: account)
        return try await endpoint.reply(to: apiRequest).body
    }

    /// The account a request acts for, checked as its REST endpoint's security type requires.
    func authenticate(_ security: SecurityType, _ params: [WebSocketAPIRequest.Param], on connection: WebSocketAPIConnection,
                      now: Int64) throws(BinanceError) -> AccountId? {
        let logon = connection.logon?.keyId
        switch security {
        case .none:
            return nil
        case .userStream:
            let apiKey = params.first { $0.name == "apiKey" }?.value ?? logon
            return try Authenticator.permitted(try authenticator.key(id: apiKey, ip: connection.clientIP), .read)
        case .trade:
            return try authenticator.webSocketSigned(params, logon: logon, ip: connection.clientIP, now: now,
                                                     needs: .trade).account
        case .userData:
            return try authenticator.webSocketSigned(params, logon: logon, ip: connection.clientIP, now: now,
                                                     needs: .read).account
        case .admin, .session, .withdraw, .proofSecret, .audit:
            // Withdrawals are REST only, as on Binance; so is the proof secret.
            throw .unauthorized
        }
    }

    private func usage(_ connection: WebSocketAPIConnection, account: AccountId?, orders: Bool, now: Int64)
        -> [RateLimitUsage] {
        let ordersUsage = orders ? account.map { limiter.orderUsage(account: $0, now: now) } ?? [] : []
        return ordersUsage + [RateLimitUsage(limiter.limits.requestWeightLimit,
                                             count: limiter.usedWeight(ip: connection.clientIP, now: now))]
    }
}
