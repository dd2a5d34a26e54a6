import SolventWire
import Synchronization

/// Serves `/ws-api/v3` connections: each text frame is one request, answered in order on the
/// same connection; user-data events of the connection's subscriptions are pushed in between.
final class WebSocketAPIService: WebSocketService {
    private let api: WebSocketAPI
    private let connections = Mutex<[UInt64: WebSocketAPIConnection]>([:])

    /// Requests are charged REQUEST_WEIGHT like REST ones (spec §6.3); the market streams' rule
    /// of a few messages per second would cut off a client trading over the WebSocket API. This
    /// bound only stops a flood.
    let messagesPerSecondMax: Int? = 10_000

    init(api: WebSocketAPI) {
        self.api = api
    }

    func opened(_ session: WebSocketSession) {
        let connection = WebSocketAPIConnection(clientIP: session.clientIP, connectedSince: ServerClock.milliseconds(),
                                                send: { session.send($0) })
        connections.withLock { $0[session.id] = connection }
    }

    func received(_ message: String, from session: WebSocketSession) async {
        guard let connection = connections.withLock({ $0[session.id] }) else { return }
        session.send(await api.respond(to: message, on: connection))
    }

    /// Binance's WebSocket API announces a shutdown as `{"event":{"e":"serverShutdown",…}}`
    /// (binance-sdk-spot reconnects on it).
    func shuttingDown(_ session: WebSocketSession) {
        session.send(WebSocketAPIReply.serverShutdown(eventTime: ServerClock.milliseconds()))
    }

    func closed(_ session: WebSocketSession) {
        guard let connection = connections.withLock({ $0.removeValue(forKey: session.id) }) else { return }
        api.closed(connection)
    }
}
