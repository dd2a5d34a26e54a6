import NIOCore

/// Sits first in a WebSocket's pipeline and notes every inbound read as a sign of life. The
/// WebSocket layer answers pings and swallows pongs itself, and only counts a pong whose payload
/// echoes its ping, which binance-connector's empty pongs never do (spec §5.1); any bytes at
/// all, an empty pong included, prove the client is there.
final class InboundActivity: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let session: WebSocketSession

    init(session: WebSocketSession) {
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session.heard()
        context.fireChannelRead(data)
    }
}
