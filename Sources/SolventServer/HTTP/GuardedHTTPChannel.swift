import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// A server child channel (Hummingbird's HTTP/1 + WebSocket one) with two guards placed right
/// after the HTTP decoder, from the connection's first byte, where the channel's own
/// configuration cannot put them (its additional handlers join only after the first request has
/// parsed): `MalformedRequestHandler`, then `ConnectionDeadlines`.
struct GuardedHTTPChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value
    let base: Base
    let limits: ConnectionLimits
    let connections: OpenConnections

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let malformed = MalformedRequestHandler()
            try pipeline.addHandler(malformed, position: .after(decoder))
            try pipeline.addHandler(ConnectionDeadlines(limits: limits, registry: connections), position: .after(malformed))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
