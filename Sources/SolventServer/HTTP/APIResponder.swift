import Hummingbird
import HTTPTypes
import NIOCore
import SolventWire

/// Answers every HTTP request: routes it through the endpoint table, applies the rate limits
/// and authentication its endpoint requires, runs the handler, and writes Binance's JSON and
/// headers. Nothing here throws to Hummingbird: every failure becomes a JSON error body, so
/// clients never see an HTML page or a dropped connection.
struct APIResponder: HTTPResponder {
    typealias Context = SolventRequestContext

    let table: EndpointTable
    let gate: RequestGate
    let metrics: APIMetrics
    static let bodyLimit = 64 * 1024
    private static let apiKeyField = HTTPField.Name("X-MBX-APIKEY")!
    private static let adminTokenField = HTTPField.Name(AdminToken.header)!
    private static let usedWeightFields = [HTTPField.Name("X-MBX-USED-WEIGHT-1M")!, HTTPField.Name("X-MBX-USED-WEIGHT")!]

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let method = request.method.rawValue
        let path = request.uri.path
        let reply: Reply
        let label: String
        if request.method == MalformedRequestHandler.method {
            label = "malformed"
            reply = Reply(error: .illegalCharactersInRequest)
        } else {
            (reply, label) = await route(request, context, method: method, path: path)
        }
        let usedWeight = gate.usedWeight(ip: context.clientIP)
        metrics.record(endpoint: label, method: method, status: reply.status, since: started)
        return Self.response(reply, usedWeight: usedWeight)
    }

    /// The endpoint's answer and its metrics label.
    private func route(_ request: Request, _ context: Context, method: String, path: String) async -> (Reply, String) {
        switch table.lookup(method: method, path: path) {
        case .unknownPath: (Reply(error: .unknownPath), "unknown")
        case .wrongMethod: (Reply(error: .methodNotAllowed), "unknown")
        case .found(let endpoint): (await serve(endpoint, request, context), endpoint.path)
        }
    }

    private func serve(_ endpoint: Endpoint, _ request: Request, _ context: Context) async -> Reply {
        do throws(BinanceError) {
            var parsed = try await parse(request, clientIP: context.clientIP)
            try gate.admit(endpoint, &parsed)
            return try await endpoint.handler(parsed)
        } catch {
            var reply = Reply(error: error)
            if let retryAfter = error.retryAfterSeconds { reply.headers.append((.retryAfter, String(retryAfter))) }
            return reply
        }
    }

    /// The request as handlers see it: body collected, parameters decoded, arrival time stamped.
    func parse(_ request: Request, clientIP: String) async throws(BinanceError) -> APIRequest {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.bodyLimit)
        } catch {
            throw BinanceError.invalidParameter("body")
        }
        return try Self.apiRequest(request, body: body, clientIP: clientIP)
    }

    /// The parsing half of `parse`, once the body is in.
    static func apiRequest(_ request: Request, body: ByteBuffer, clientIP: String) throws(BinanceError) -> APIRequest {
        let rawQuery = request.uri.query ?? ""
        let rawBody = String(buffer: body)
        return APIRequest(method: request.method.rawValue, path: request.uri.path, rawQuery: rawQuery, rawBody: rawBody,
                          parameters: try RequestParameters(rawQuery: rawQuery, rawBody: rawBody),
                          apiKey: request.headers[Self.apiKeyField], adminToken: request.headers[Self.adminTokenField],
                          clientIP: clientIP, receivedAt: ServerClock.milliseconds(), account: nil)
    }

    static func response(_ reply: Reply, usedWeight: Int) -> Response {
        var headers = HTTPFields()
        headers.reserveCapacity(3 + reply.headers.count)
        headers.append(HTTPField(name: .contentType, value: reply.contentType))
        let weight = String(usedWeight)
        for field in usedWeightFields { headers.append(HTTPField(name: field, value: weight)) }
        for (name, value) in reply.headers { headers.append(HTTPField(name: name, value: value)) }
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
