import HTTPTypes
import NIOCore
import NIOHTTP1

/// Turns bytes that are not HTTP (a request-target with bytes outside ASCII, say) into a JSON
/// answer instead of a bare hang-up. NIO's parser fails on them, and Hummingbird would close the
/// connection (the first request, still in WebSocket-upgrade negotiation) or answer an empty 400
/// (later ones). Sitting right after the decoder, this handler takes the parse error first and
/// passes on a stand-in request instead, whose method no HTTP parser produces. The responder
/// answers it like any request, in order behind the requests before it, with Binance's -1100,
/// and `Connection: close`: after a parse error the connection's bytes can no longer be framed.
final class MalformedRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    /// The stand-in request's method: a token, but not one of the methods NIO's parser knows.
    static let method = HTTPRequest.Method("MALFORMED")!
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Nothing after the first parse error is passed on: those bytes cannot be framed.
        guard !answered else { return }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        var headers = HTTPHeaders()
        headers.add(name: "Connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: .RAW(value: Self.method.rawValue), uri: "/", headers: headers)
        context.fireChannelRead(wrapInboundOut(.head(head)))
        context.fireChannelRead(wrapInboundOut(.end(nil)))
        context.fireChannelReadComplete()
    }
}
