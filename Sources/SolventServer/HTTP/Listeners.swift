import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import HummingbirdTLS
import Logging
import NIOSSL
import Synchronization

/// Where the server listens once it is up (with port 0, the ports the system picked).
public struct ListeningPorts: Sendable {
    /// The public listener: REST, streams, the WebSocket API and the page.
    public let api: Int
    /// The admin listener: the operator's endpoints and `/metrics`.
    public let admin: Int
}

/// The server's two listeners, each one door (`APIChannelHandler`) over its own endpoint table.
/// The public one serves everything but the operator's; the admin one, on its own address
/// (loopback by default), serves the operator's endpoints and `/metrics` over plain HTTP/1, so
/// a reverse proxy that forwards the public port can never reach them, whatever address it
/// makes every caller appear to come from.
enum Listeners {
    /// REST and WebSockets share the port (spec §1.1); keepalive is the streams' own
    /// (`SessionRunner`), since clients answer pings with pongs the library would not count.
    /// With `tls`, TLS comes first in every connection's pipeline, below HTTP and WebSockets.
    static func publicServer(_ parts: AssembledServer, _ configuration: ServerConfiguration,
                             tls: TLSConfiguration?) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let http = GuardedHTTPChannel(base: HTTP1WebSocketUpgradeChannel(
                responder: responder,
                configuration: .init(
                    http1: .init(additionalChannelHandlers: [APIChannelHandler(api: parts.api, serverName: SolventApplication.serverName)]),
                    ws: .init(maxFrameSize: configuration.streams.inboundMessageBytesMax, autoPing: .disabled)),
                shouldUpgrade: parts.webSockets.shouldUpgrade),
                limits: configuration.connections, connections: parts.connections)
            guard let tls else { return http }
            return try TLSChannel(http, tlsConfiguration: tls)
        }
    }

    /// The admin listener, as a service of the public one's application: it starts beside it,
    /// writes `<data>/admin.url` once it listens, and stops after it (a service group stops its
    /// services in the reverse order).
    static func admin(_ parts: AssembledServer, _ configuration: ServerConfiguration, logger: Logger,
                      started: AdminListenerStart) -> some ApplicationProtocol {
        Application(
            responder: BypassedResponder(),
            server: HTTPServerBuilder { responder in
                GuardedHTTPChannel(base: HTTP1Channel(
                    responder: responder,
                    configuration: .init(additionalChannelHandlers: [
                        APIChannelHandler(api: parts.adminAPI, serverName: SolventApplication.serverName),
                    ])),
                    limits: configuration.connections, connections: parts.adminConnections)
            },
            configuration: .init(address: .hostname(configuration.adminHost, port: configuration.adminPort),
                                 serverName: SolventApplication.serverName),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.adminPort
                write(url(scheme: "http", host: configuration.adminHost, port: port), to: configuration.adminURLFile)
                started.listening(on: port)
            },
            logger: logger)
    }

    /// A listener's URL as `server.url` and `admin.url` hold it: one listening on every address
    /// is reached on loopback.
    static func url(scheme: String, host: String, port: Int) -> String {
        let reachable = ["0.0.0.0", "::", ""].contains(host) ? "127.0.0.1" : host
        return "\(scheme)://\(reachable.contains(":") ? "[\(reachable)]" : reachable):\(port)"
    }

    static func write(_ url: String, to path: String) {
        try? (url + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// The admin listener's port, from its start to the public listener's: the public listener
/// starts only once the admin one listens, so whoever sees the public port answer finds
/// `admin.url` written.
final class AdminListenerStart: Sendable {
    private let port = Mutex(0)
    private let (started, announce) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))

    func listening(on port: Int) {
        self.port.withLock { $0 = port }
        announce.yield(port)
        announce.finish()
    }

    /// Waits until the admin listener listens; throws when the server stopped first.
    func wait() async throws {
        for await _ in started { return }
        throw ServerError("the admin listener did not start")
    }

    /// The admin listener's port, once `wait` returned.
    var listeningPort: Int { port.withLock { $0 } }
}
