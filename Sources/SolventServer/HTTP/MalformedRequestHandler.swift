import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Turns bytes that are not HTTP (a request-target with bytes outside ASCII, say) into a JSON
/// answer instead of a bare hang-up. NIO's parser fails on them, and Hummingbird would answer
/// the parser error itself with an empty 400; this handler, placed after the HTTP codec, takes
/// the error first and passes on a stand-in request instead, whose method no HTTP parser can
/// produce. The responder answers it like any request, in order behind the requests before it,
/// with Binance's -1100 and `Connection: close`: after a parse error the connection's bytes can
/// no longer be framed, so the connection ends there.
final class MalformedRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

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
        let head = HTTPRequest(method: Self.method, scheme: nil, authority: nil, path: "/",
                               headerFields: [.connection: "close"])
        context.fireChannelRead(wrapInboundOut(.head(head)))
        context.fireChannelRead(wrapInboundOut(.end(nil)))
        context.fireChannelReadComplete()
    }
}
