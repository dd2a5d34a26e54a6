import SolventCore
import SolventWire

/// `GET /api/v3/rateLimit/order`: the ORDERS limiters with the account's current counts.
enum OrderCountJSON {
    static func render(_ limiter: RateLimiter, account: AccountId, now: Timestamp) -> [UInt8] {
        let counts = limiter.orderCounts(account: account, now: now)
        let limits = limiter.limits
        var writer = JSONWriter(capacity: 256)
        writer.array { writer in
            RateLimit(.orders, interval: .second, intervalNum: 10, limit: limits.ordersPerTenSeconds)
                .write(count: counts.tenSeconds, to: &writer)
            RateLimit(.orders, interval: .day, intervalNum: 1, limit: limits.ordersPerDay)
                .write(count: counts.day, to: &writer)
        }
        return writer.finish()
    }
}
