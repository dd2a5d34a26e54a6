import HTTPTypes
import HummingbirdWebSocket
import Logging
import NIOCore

/// Decides, on the HTTP port, which requests become WebSockets (spec §1.1: REST and streams
/// share one port): a path some service is registered for, from a client the connection limits
/// admit. Everything else stays HTTP and reaches the REST responder.
struct WebSocketUpgrade: Sendable {
    typealias Handler = WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>

    let routes: WebSocketRoutes
    let admission: ConnectionAdmission
    let limits: StreamLimits
    /// What every connection's outbox draws on together.
    let budget: OutboxBudget

    /// Runs on the connection's event loop, before the handshake is answered.
    func shouldUpgrade(_ request: HTTPRequest, _ channel: any Channel, _ logger: Logger) throws
        -> ShouldUpgradeResult<Handler> {
        let (path, query) = Self.split(request.path ?? "/")
        guard let service = routes.service(for: path) else { return .dontUpgrade }
        let ip = channel.remoteAddress?.ipAddress ?? "unknown"
        guard admission.admit(ip: ip, nowMs: ServerClock.milliseconds()) else {
            logger.info("websocket refused: connection limit", metadata: ["ip": "\(ip)"])
            return .dontUpgrade
        }
        let session = WebSocketSession(path: path, query: query, clientIP: ip, channel: channel, limits: limits,
                                       budget: budget)
        try channel.pipeline.syncOperations.addHandler(InboundActivity(session: session), position: .first)
        // From here the session's own silence timeout watches the connection, not HTTP's clocks.
        if let deadlines = try? channel.pipeline.syncOperations.handler(type: ConnectionDeadlines.self) {
            channel.pipeline.syncOperations.removeHandler(deadlines, promise: nil)
        }
        let admission = admission, limits = limits
        return .upgrade([:]) { inbound, outbound, _ in
            defer { admission.release() }
            await SessionRunner(session: session, service: service, limits: limits).run(inbound, outbound)
        }
    }

    /// `/stream?streams=a/b` → ("/stream", "streams=a/b").
    static func split(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }
}
