import Hummingbird
import HTTPTypes
import NIOCore
import SolventWire

/// Answers the HTTP requests Hummingbird hands over (all but the direct endpoints', which
/// `DirectEndpointHandler` answers in the pipeline): routes each through the endpoint table,
/// applies the rate limits and authentication its endpoint requires, awaits the handler, and
/// writes Binance's JSON and headers. Nothing here throws to Hummingbird: every failure becomes
/// a JSON error body, so clients never see an HTML page or a dropped connection.
struct APIResponder: HTTPResponder {
    typealias Context = SolventRequestContext

    let api: APIService

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let (reply, label) = await answer(request, clientIP: context.clientIP)
        let headers = api.complete(reply, label: label, method: request.method, clientIP: context.clientIP,
                                   since: started)
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// The reply and its metrics label.
    private func answer(_ request: Request, clientIP: String) async -> (Reply, String) {
        switch api.route(method: request.method, path: request.uri.path) {
        case .refused(let error, let label):
            return (Reply(error: error), label)
        case .endpoint(let endpoint):
            do throws(BinanceError) {
                let body = try await Self.body(of: request)
                let admitted = try api.admit(endpoint, request.head, uri: request.uri, body: body, clientIP: clientIP)
                return (try await endpoint.handler(admitted), endpoint.declaration.metricsLabel)
            } catch {
                return (APIService.reply(to: error), endpoint.declaration.metricsLabel)
            }
        }
    }

    private static func body(of request: Request) async throws(BinanceError) -> ByteBuffer {
        var request = request
        do {
            return try await request.collectBody(upTo: APIService.bodyLimit)
        } catch {
            throw BinanceError.invalidParameter("body")
        }
    }
}
