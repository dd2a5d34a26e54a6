/// The WebSocket API's response frames (spec §6.3): `{"id","status":200,"result",…}` or
/// `{"id","status":4xx,"error":{"code","msg"},…}`, each with `rateLimits` unless the request
/// asked for none (binance-sdk-spot fails a response without them).
public enum WebSocketAPIReply {
    public static func success(id: WebSocketAPIRequestId, result: [UInt8], usage: [RateLimitUsage]?) -> [UInt8] {
        render(id: id, status: 200, usage: usage) { writer in
            writer.key("result")
            writer.raw(result)
        }
    }

    public static func failure(id: WebSocketAPIRequestId, error: BinanceError, usage: [RateLimitUsage]?) -> [UInt8] {
        render(id: id, status: error.httpStatus, usage: usage) { writer in
            writer.key("error")
            error.write(to: &writer)
        }
    }

    /// A user-data event on the subscription `subscriptionId`: `{"subscriptionId":0,"event":{…}}`.
    public static func event(subscriptionId: Int64, _ event: [UInt8]) -> [UInt8] {
        var writer = JSONWriter(capacity: event.count + 32)
        writer.object { writer in
            writer.field("subscriptionId", subscriptionId)
            writer.key("event")
            writer.raw(event)
        }
        return writer.finish()
    }

    /// The announcement of a shutdown, `{"event":{"e":"serverShutdown",…}}` (binance-sdk-spot
    /// reconnects on it).
    public static func serverShutdown(eventTime: Int64) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.object { writer in
            writer.key("event")
            writer.raw(StreamNoticeJSON.serverShutdown(eventTime: eventTime))
        }
        return writer.finish()
    }

    private static func render(id: WebSocketAPIRequestId, status: Int, usage: [RateLimitUsage]?,
                               _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.beginObject()
        writer.key("id")
        id.write(to: &writer)
        writer.field("status", Int64(status))
        body(&writer)
        if let usage {
            writer.key("rateLimits")
            writer.array { writer in
                for entry in usage { entry.limit.write(count: entry.count, to: &writer) }
            }
        }
        writer.endObject()
        return writer.finish()
    }
}
