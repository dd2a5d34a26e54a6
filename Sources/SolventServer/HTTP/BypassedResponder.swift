import Hummingbird
import HTTPTypes
import NIOCore
import SolventWire

/// The responder Hummingbird's server needs. No request reaches it: `APIChannelHandler` answers
/// every one in the pipeline. Should one ever arrive (were the handlers reordered by a
/// Hummingbird upgrade), it gets Binance's JSON for an unknown path, never an HTML page.
struct BypassedResponder: HTTPResponder {
    typealias Context = SolventRequestContext

    func respond(to request: Request, context: Context) async throws -> Response {
        let reply = Reply(error: .unknownPath)
        return Response(status: HTTPResponse.Status(code: reply.status),
                        headers: [.contentType: reply.contentType],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
