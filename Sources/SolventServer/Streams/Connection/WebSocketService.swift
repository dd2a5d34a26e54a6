/// What serves the connections of one WebSocket path. The session runner calls it: `opened`
/// once, `received` for each message in order, `closed` once, all from the connection's own
/// task. Sending goes through `session.send`, which never waits.
///
/// The market streams serve `/ws…` and `/stream…` (`MarketStreamService`); the WebSocket API
/// (`/ws-api/v3`) registers itself in `WebSocketRoutes` the same way.
public protocol WebSocketService: Sendable {
    /// The connection is open; `session.path` and `session.query` say how it connected.
    func opened(_ session: WebSocketSession)
    /// One text message from the client (binary messages are read as UTF-8 text), already
    /// counted against the connection's message rate.
    func received(_ message: String, from session: WebSocketSession) async
    /// The server is stopping; a last message may be queued before the close frame.
    func shuttingDown(_ session: WebSocketSession)
    /// The connection is gone: release what it held.
    func closed(_ session: WebSocketSession)
    /// Text messages per second a connection of this service may send; nil: the configured
    /// `StreamLimits.messagesPerSecondMax`. (The WebSocket API is limited by request weight,
    /// as Binance's is, not by this market-stream rule.)
    var messagesPerSecondMax: Int? { get }
}

/// Which service answers an upgrade request, by path. Seam for other WebSocket surfaces:
/// `routes.register(path: "/ws-api/v3", service)` in `SolventApplication.assemble`.
public struct WebSocketRoutes: Sendable {
    private var exact: [String: any WebSocketService] = [:]
    private var prefixes: [(prefix: String, service: any WebSocketService)] = []

    public init() {}

    /// `service` answers exactly `path`.
    public mutating func register(path: String, _ service: any WebSocketService) {
        precondition(exact[path] == nil, "two services for \(path)")
        exact[path] = service
    }

    /// `service` answers `prefix` and every path below it (`/ws` → `/ws/btcusdt@trade`, `/ws/0`).
    public mutating func register(pathPrefix prefix: String, _ service: any WebSocketService) {
        prefixes.append((prefix, service))
    }

    /// The service for `path`; exact registrations win over prefixes.
    public func service(for path: String) -> (any WebSocketService)? {
        if let service = exact[path] { return service }
        for entry in prefixes where path == entry.prefix || path.hasPrefix(entry.prefix + "/") {
            return entry.service
        }
        return nil
    }
}
