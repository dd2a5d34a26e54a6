import HummingbirdWebSocket
import NIOCore
import NIOWebSocket
import ServiceLifecycle

/// Runs one WebSocket for its whole life: the read loop (message rate, then the service), the
/// writer that drains the outbox into the socket, and the keepalive (pings, silence, lifetime).
/// Whichever side ends first ends the others.
struct SessionRunner: Sendable {
    let session: WebSocketSession
    let service: any WebSocketService
    let limits: StreamLimits

    func run(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async {
        service.opened(session)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await write(to: outbound) }
                group.addTask { await keepAlive() }
                await read(inbound)
                session.outbox.close(.normal)
                group.cancelAll()
            }
        } onGracefulShutdown: { [service, session] in
            service.shuttingDown(session)
            session.close(.shuttingDown)
        }
        service.closed(session)
    }

    /// Hands each message to the service in order, until the client closes, breaks the message
    /// rate, or the connection is closing for another reason.
    private func read(_ inbound: WebSocketInboundStream) async {
        var rate = MessageRate(perSecondMax: service.messagesPerSecondMax ?? limits.messagesPerSecondMax)
        do {
            for try await message in inbound.messages(maxSize: limits.inboundMessageBytesMax) {
                guard !session.isClosing else { break }
                guard rate.admit(nowMs: ServerClock.milliseconds()) else {
                    session.close(.tooManyMessages)
                    break
                }
                switch message {
                case .text(let text): await service.received(text, from: session)
                case .binary(let buffer): await service.received(String(buffer: buffer), from: session)
                }
            }
        } catch {
            // A protocol error or a dropped socket: the connection is over either way.
        }
    }

    /// Drains the outbox into the socket; on close, sends what is left and the close frame.
    private func write(to outbound: WebSocketOutboundWriter) async {
        var items: [Outbox.Item] = []
        do {
            while true {
                let closed = await session.outbox.take(into: &items)
                for item in items { try await outbound.write(.custom(Self.frame(item))) }
                items.removeAll(keepingCapacity: true)
                if let closed {
                    try await outbound.close(WebSocketErrorCode(codeNumber: Int(closed.code)), reason: closed.text)
                    session.close(closed)  // cuts the socket if the client never answers the close
                    return
                }
            }
        } catch {
            session.close(.normal)
        }
    }

    /// Pings every `pingIntervalSeconds`; drops a client silent for `silenceTimeoutSeconds` or
    /// connected for longer than the lifetime.
    private func keepAlive() async {
        let started = WebSocketSession.monotonicMilliseconds()
        let lifetimeMs = Int64(limits.connectionLifetimeSeconds) * 1_000
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(limits.pingIntervalSeconds))
            if Task.isCancelled || session.isClosing { return }
            if session.millisecondsSinceHeard > Int64(limits.silenceTimeoutSeconds) * 1_000 {
                return session.close(.silent)
            }
            if WebSocketSession.monotonicMilliseconds() - started > lifetimeMs {
                return session.close(.lifetimeOver)
            }
            if !session.outbox.pushPing() { return session.close(session.outbox.closeReason ?? .normal) }
        }
    }

    private static let pingPayload = ByteBuffer(string: "solvent")

    private static func frame(_ item: Outbox.Item) -> WebSocketFrame {
        switch item {
        case .text(let buffer): WebSocketFrame(fin: true, opcode: .text, data: buffer)
        case .ping: WebSocketFrame(fin: true, opcode: .ping, data: pingPayload)
        }
    }
}

extension WebSocketService {
    /// Most services have nothing to say before the close frame.
    public func shuttingDown(_ session: WebSocketSession) {}

    /// Most services take the configured message rate.
    public var messagesPerSecondMax: Int? { nil }
}
