import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// A server child channel (Hummingbird's HTTP/1 + WebSocket one) with `MalformedRequestHandler`
/// placed right after the HTTP decoder, where the channel's own configuration cannot put it: its
/// additional handlers join only after the first request has parsed.
struct MalformedRequestGuard<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value
    let base: Base

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(MalformedRequestHandler(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
