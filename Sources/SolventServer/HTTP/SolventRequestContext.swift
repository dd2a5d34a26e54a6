import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the peer address, which the rate
/// limiter and the API keys' IP allow-lists need.
public struct SolventRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text ("127.0.0.1"), or "unknown".
    var clientIP: String {
        Self.clientIP(of: remoteAddress)
    }

    static func clientIP(of address: SocketAddress?) -> String {
        address?.ipAddress ?? "unknown"
    }
}
