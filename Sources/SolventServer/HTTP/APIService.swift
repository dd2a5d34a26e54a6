import HummingbirdCore
import HTTPTypes
import NIOCore
import SolventWire

/// The REST API's steps, as its door (`APIChannelHandler`) takes them: which endpoint a request
/// is for, the request as its handler sees it once past the limits and authentication, and the
/// answer's headers, counted in the metrics.
package struct APIService: Sendable {
    let table: EndpointTable
    let gate: RequestGate
    let metrics: APIMetrics
    /// The listener serves TLS itself, so every request arrived over it (a proxy's say-so,
    /// `X-Forwarded-Proto`, counts too).
    let servesTLS: Bool

    package init(table: EndpointTable, gate: RequestGate, metrics: APIMetrics, servesTLS: Bool = false) {
        self.table = table
        self.gate = gate
        self.metrics = metrics
        self.servesTLS = servesTLS
    }
    static let bodyLimit = 64 * 1024
    private static let apiKeyField = HTTPField.Name("X-MBX-APIKEY")!
    private static let adminTokenField = HTTPField.Name(AdminToken.header)!
    private static let csrfField = HTTPField.Name(WebSessions.csrfHeader)!
    private static let forwardedProtoField = HTTPField.Name("X-Forwarded-Proto")!
    private static let usedWeightFields = [HTTPField.Name("X-MBX-USED-WEIGHT-1M")!, HTTPField.Name("X-MBX-USED-WEIGHT")!]

    enum Route {
        case endpoint(Endpoint)
        /// Answered without an endpoint (malformed, unknown path, wrong method), with its metrics label.
        case refused(BinanceError, label: String)
    }

    func route(method: HTTPRequest.Method, path: String) -> Route {
        if method == MalformedRequestHandler.method { return .refused(.illegalCharactersInRequest, label: "malformed") }
        switch table.lookup(method: method.rawValue, path: path) {
        case .unknownPath: return .refused(.unknownPath, label: "unknown")
        case .wrongMethod: return .refused(.methodNotAllowed, label: "unknown")
        case .found(let endpoint): return .endpoint(endpoint)
        }
    }

    /// The request as `endpoint`'s handler sees it, once its weight is charged and its caller
    /// authenticated as the endpoint requires.
    func admit(_ endpoint: Endpoint, _ head: HTTPRequest, uri: URI, body: ByteBuffer, clientIP: String)
        throws(BinanceError) -> APIRequest {
        var request = try Self.apiRequest(head, uri: uri, body: body, clientIP: clientIP)
        if servesTLS { request.overTLS = true }
        try gate.admit(endpoint, &request)
        return request
    }

    /// The request's parts as handlers see them: parameters decoded, arrival time stamped.
    package static func apiRequest(_ head: HTTPRequest, uri: URI, body: ByteBuffer, clientIP: String) throws(BinanceError)
        -> APIRequest {
        let rawQuery = uri.query ?? ""
        let rawBody = String(buffer: body)
        return APIRequest(method: head.method.rawValue, path: uri.path, rawQuery: rawQuery, rawBody: rawBody,
                          parameters: try RequestParameters(rawQuery: rawQuery, rawBody: rawBody),
                          apiKey: head.headerFields[apiKeyField], adminToken: head.headerFields[adminTokenField],
                          clientIP: clientIP, receivedAt: ServerClock.milliseconds(), account: nil,
                          cookie: head.headerFields[.cookie], csrfToken: head.headerFields[csrfField],
                          overTLS: head.headerFields[forwardedProtoField]?.lowercased() == "https")
    }

    /// An error's reply, with `Retry-After` when a rate limit refused the request.
    static func reply(to error: BinanceError) -> Reply {
        var reply = Reply(error: error)
        if let retryAfter = error.retryAfterSeconds { reply.headers.append((.retryAfter, String(retryAfter))) }
        return reply
    }

    static func reply(_ result: Result<Reply, BinanceError>) -> Reply {
        switch result {
        case .success(let reply): reply
        case .failure(let error): reply(to: error)
        }
    }

    /// The request is done: it is counted in the metrics under `label`, and the answer's headers
    /// come back (content type, the IP's used weight, the reply's own). `usedWeight` is what
    /// charging the request found (`APIRequest.usedWeight`), so the limiter's lock is taken once
    /// per request; a request never charged is looked up.
    package func complete(_ reply: Reply, label: String, method: HTTPRequest.Method, clientIP: String,
                  usedWeight: Int? = nil, since started: ContinuousClock.Instant) -> HTTPFields {
        let weight = String(usedWeight ?? gate.usedWeight(ip: clientIP))
        metrics.record(endpoint: label, method: method.rawValue, status: reply.status, since: started)
        var fields = HTTPFields()
        fields.reserveCapacity(6 + reply.headers.count)
        fields.append(HTTPField(name: .contentType, value: reply.contentType))
        for name in Self.usedWeightFields { fields.append(HTTPField(name: name, value: weight)) }
        for (name, value) in reply.headers { fields.append(HTTPField(name: name, value: value)) }
        return fields
    }
}
