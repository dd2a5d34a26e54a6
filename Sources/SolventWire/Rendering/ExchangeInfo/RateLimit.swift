/// One limiter as `exchangeInfo.rateLimits` advertises it (spec §7.1).
public struct RateLimit: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case requestWeight = "REQUEST_WEIGHT"
        case orders = "ORDERS"
        case rawRequests = "RAW_REQUESTS"
    }

    public enum Interval: String, Sendable, CaseIterable {
        case second = "SECOND", minute = "MINUTE", hour = "HOUR", day = "DAY"

        /// The letter of `X-MBX-USED-WEIGHT-1M` style headers.
        public var headerLetter: String { String(rawValue.prefix(1)) }
    }

    public var kind: Kind
    public var interval: Interval
    public var intervalNum: Int
    public var limit: Int

    public init(_ kind: Kind, interval: Interval, intervalNum: Int, limit: Int) {
        precondition(intervalNum > 0 && limit > 0, "a limiter needs a positive window and limit")
        self.kind = kind
        self.interval = interval
        self.intervalNum = intervalNum
        self.limit = limit
    }

    /// Binance's current advertised set (spec §3.1).
    public static let binanceDefaults: [RateLimit] = [
        RateLimit(.requestWeight, interval: .minute, intervalNum: 1, limit: 6000),
        RateLimit(.orders, interval: .second, intervalNum: 10, limit: 100),
        RateLimit(.orders, interval: .day, intervalNum: 1, limit: 200_000),
        RateLimit(.rawRequests, interval: .minute, intervalNum: 5, limit: 61_000),
    ]

    /// `{"rateLimitType","interval","intervalNum","limit"}`, plus `"count"` when given (the
    /// WebSocket API and `rateLimit/order` report usage that way).
    public func write(count: Int? = nil, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("rateLimitType", kind.rawValue)
        writer.field("interval", interval.rawValue)
        writer.field("intervalNum", Int64(intervalNum))
        writer.field("limit", Int64(limit))
        if let count { writer.field("count", Int64(count)) }
        writer.endObject()
    }
}
