import SolventCore
import SolventWire

/// The WebSocket API's response frames (spec §6.3): `{"id","status":200,"result",…}` or
/// `{"id","status":4xx,"error":{"code","msg"},…}`, each with `rateLimits` unless the request
/// asked for none (binance-sdk-spot fails a response without them).
enum WebSocketAPIReply {
    /// The limits a reply reports, with what is used of each now.
    struct Usage {
        var weightUsed: Int
        /// The account's unfilled-order counts, for replies to methods that place orders.
        var orders: (tenSeconds: Int, day: Int)?
    }

    static func success(id: WebSocketAPIRequestId, result: [UInt8], usage: Usage?, limits: RateLimits) -> [UInt8] {
        render(id: id, status: 200, usage: usage, limits: limits) { writer in
            writer.key("result")
            writer.raw(result)
        }
    }

    static func failure(id: WebSocketAPIRequestId, error: BinanceError, usage: Usage?, limits: RateLimits) -> [UInt8] {
        render(id: id, status: error.httpStatus, usage: usage, limits: limits) { writer in
            writer.key("error")
            error.write(to: &writer)
        }
    }

    /// A user-data event on the subscription `subscriptionId`: `{"subscriptionId":0,"event":{…}}`.
    static func event(subscriptionId: Int64, _ event: [UInt8]) -> [UInt8] {
        var writer = JSONWriter(capacity: event.count + 32)
        writer.object { writer in
            writer.field("subscriptionId", subscriptionId)
            writer.key("event")
            writer.raw(event)
        }
        return writer.finish()
    }

    private static func render(id: WebSocketAPIRequestId, status: Int, usage: Usage?, limits: RateLimits,
                               _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.beginObject()
        writer.key("id")
        id.write(to: &writer)
        writer.field("status", Int64(status))
        body(&writer)
        if let usage {
            writer.key("rateLimits")
            writer.beginArray()
            if let orders = usage.orders {
                RateLimit(.orders, interval: .second, intervalNum: 10, limit: limits.ordersPerTenSeconds)
                    .write(count: orders.tenSeconds, to: &writer)
                RateLimit(.orders, interval: .day, intervalNum: 1, limit: limits.ordersPerDay)
                    .write(count: orders.day, to: &writer)
            }
            RateLimit(.requestWeight, interval: .minute, intervalNum: 1, limit: limits.weightPerMinute)
                .write(count: usage.weightUsed, to: &writer)
            writer.endArray()
        }
        writer.endObject()
        return writer.finish()
    }
}
