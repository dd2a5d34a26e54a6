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
    /// When the connection is closed unless it moves on; nil while the server owes an answer.
    private var due: NIODeadline?
    /// Set for `due` or earlier.
    private var timer: Scheduled<Void>?

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

    /// Sets the clock of the current phase, or stops it while an answer is owed. Requests come
    /// thousands a second, so the timer is not rescheduled for each: it wakes at most every
    /// shortest clock's length, which is never after a deadline set since (every deadline is at
    /// least that far ahead of when it is set), and closes the connection once `due` has passed.
    private func arm(_ context: ChannelHandlerContext) {
        registry.mark(context.channel, idle: owed == 0 && phase == .idle)
        guard owed == 0 else { return due = nil }
        let seconds = switch phase {
        case .idle: limits.idleSeconds
        case .head: limits.requestHeadSeconds
        case .body: limits.requestBodySeconds
        }
        due = NIODeadline.now() + .seconds(Int64(seconds))
        if timer == nil { scheduleWake(context) }
    }

    private func scheduleWake(_ context: ChannelHandlerContext) {
        guard let due else { return }
        let shortest = min(limits.idleSeconds, limits.requestHeadSeconds, limits.requestBodySeconds)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: min(due, .now() + .seconds(Int64(shortest)))) {
            let (handler, context) = loopBound.value
            handler.timer = nil
            guard let due = handler.due else { return }
            if due <= .now() { context.close(promise: nil) } else { handler.scheduleWake(context) }
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
        due = nil
    }
}
