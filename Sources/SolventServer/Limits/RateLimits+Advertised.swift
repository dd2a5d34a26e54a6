import SolventCore
import SolventWire

extension RateLimits {
    /// The limits as exchangeInfo's `rateLimits` lists them.
    var advertised: [RateLimit] {
        [requestWeightLimit, ordersPerTenSecondsLimit, ordersPerDayLimit,
         RateLimit(.rawRequests, interval: .minute, intervalNum: 5, limit: rawRequestsPerFiveMinutes)]
    }

    var requestWeightLimit: RateLimit { RateLimit(.requestWeight, interval: .minute, intervalNum: 1, limit: weightPerMinute) }
    var ordersPerTenSecondsLimit: RateLimit { RateLimit(.orders, interval: .second, intervalNum: 10, limit: ordersPerTenSeconds) }
    var ordersPerDayLimit: RateLimit { RateLimit(.orders, interval: .day, intervalNum: 1, limit: ordersPerDay) }
}

extension RateLimiter {
    /// The ORDERS limiters with `account`'s counts now.
    func orderUsage(account: AccountId, now: Int64) -> [RateLimitUsage] {
        let counts = orderCounts(account: account, now: now)
        return [RateLimitUsage(limits.ordersPerTenSecondsLimit, count: counts.tenSeconds),
                RateLimitUsage(limits.ordersPerDayLimit, count: counts.day)]
    }
}
