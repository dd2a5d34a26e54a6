/// One limiter with what is used of it now: `rateLimit/order` and the WebSocket API's
/// `rateLimits` report usage that way.
public struct RateLimitUsage: Sendable, Hashable {
    public var limit: RateLimit
    public var count: Int

    public init(_ limit: RateLimit, count: Int) {
        self.limit = limit
        self.count = count
    }
}

/// `GET /api/v3/rateLimit/order` (spec §3.4): the ORDERS limiters with the account's counts.
public enum OrderCountJSON {
    public static func render(_ usage: [RateLimitUsage]) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.array { writer in
            for entry in usage { entry.limit.write(count: entry.count, to: &writer) }
        }
        return writer.finish()
    }
}
