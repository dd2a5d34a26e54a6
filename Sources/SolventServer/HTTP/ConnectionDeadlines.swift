import NIOCore
import NIOHTTP1

/// Closes an HTTP connection that keeps the server waiting (`ConnectionLimits`): idle past
/// `idleSeconds`, a request head not complete `requestHeadSeconds` after its first bytes, a body
/// not complete `requestBodySeconds` after its head. No clock runs while the server owes an
/// answer: that wait is the server's, not the client's.
///
/// It sits right after the HTTP decoder, so it sees whole request parts; a read that decoded no
/// part means bytes of a head are arriving. It tells `OpenConnections` when the connection goes
/// idle and busy, for eviction. A WebSocket upgrade removes it (`WebSocketUpgrade`).
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// Where the next request stands.
    private enum Phase { case idle, head, body }

    private let limits: ConnectionLimits
    private let registry: OpenConnections
    private var phase = Phase.idle
    /// Requests read in full and not yet answered in full.
    private var owed = 0
    private var partsThisRead = false
    private var deadline: Scheduled<Void>?

    init(limits: ConnectionLimits, registry: OpenConnections) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard registry.open(context.channel) else { return context.close(promise: nil) }
        arm(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
        registry.close(context.channel)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        registry.close(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partsThisRead = true
        switch unwrapInboundIn(data) {
        case .head: move(to: .body, context)
        case .body: break
        case .end:
            owed += 1
            move(to: .idle, context)
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Bytes that completed no part are the start of a head still on its way.
        if !partsThisRead && phase == .idle { move(to: .head, context) }
        partsThisRead = false
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), owed > 0 {
            owed -= 1
            if owed == 0 { arm(context) }
        }
        context.write(data, promise: promise)
    }

    private func move(to next: Phase, _ context: ChannelHandlerContext) {
        phase = next
        arm(context)
    }

    /// Starts the clock of the current phase, or stops it while an answer is owed.
    private func arm(_ context: ChannelHandlerContext) {
        disarm()
        registry.mark(context.channel, idle: owed == 0 && phase == .idle)
        guard owed == 0 else { return }
        let seconds = switch phase {
        case .idle: limits.idleSeconds
        case .head: limits.requestHeadSeconds
        case .body: limits.requestBodySeconds
        }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: .seconds(Int64(seconds))) {
            loopBound.value.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
