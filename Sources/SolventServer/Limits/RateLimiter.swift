import SolventCore
import SolventWire
import Synchronization

/// Request weight and raw requests per IP, new orders per account (spec §7), with the ban for
/// IPs that ignore 429s. Counters are fixed windows; idle entries are dropped as windows roll.
package final class RateLimiter: Sendable {
    let limits: RateLimits
    private let state = Mutex(State())

    fileprivate struct State {
        var ips: [String: IPCounters] = [:]
        var accounts: [AccountId: AccountCounters] = [:]
        var lastSweep: Int64 = 0
    }

    fileprivate struct IPCounters {
        var weight = FixedWindow(length: 60_000)
        var raw = FixedWindow(length: 300_000)
        var refusedInWindow = 0
        var bannedUntil: Int64 = 0
    }

    fileprivate struct AccountCounters {
        var tenSeconds = FixedWindow(length: 10_000)
        var rejected = FixedWindow(length: 10_000)
        var day = FixedWindow(length: 86_400_000)
    }

    package init(limits: RateLimits) {
        self.limits = limits
    }

    /// Charges one request of `weight` to `ip` (counted by `LimitedAddress`); throws 429 over the limit, 418 while banned.
    /// Returns the weight `ip` has used in the current minute, this request included.
    @discardableResult
    func chargeRequest(ip: String, weight: Int, now: Int64) throws(BinanceError) -> Int {
        let ip = LimitedAddress.key(ip)
        var usedWeight = 0
        let refusal: BinanceError? = state.withLock { state in
            state.sweep(now: now)
            var counters = state.ips[ip] ?? IPCounters()
            defer { state.ips[ip] = counters }
            if counters.bannedUntil > now {
                return .ipBanned(untilMilliseconds: counters.bannedUntil,
                                 retryAfterSeconds: Int((counters.bannedUntil - now + 999) / 1_000))
            }
            let used = counters.weight.add(weight, at: now)
            usedWeight = used
            let raw = counters.raw.add(1, at: now)
            guard limits.enforced else { return nil }
            if used > limits.weightPerMinute || raw > limits.rawRequestsPerFiveMinutes {
                counters.refusedInWindow += 1
                if counters.refusedInWindow > 100 {
                    counters.bannedUntil = now + Int64(limits.banSeconds) * 1_000
                    return .ipBanned(untilMilliseconds: counters.bannedUntil, retryAfterSeconds: limits.banSeconds)
                }
                return .tooManyRequests(limit: limits.weightPerMinute, retryAfterSeconds: counters.weight.secondsLeft(at: now))
            }
            counters.refusedInWindow = 0
            return nil
        }
        if let refusal { throw refusal }
        return usedWeight
    }

    /// Counts one new order for `account`; returns the counts for the order-count headers.
    func chargeOrder(account: AccountId, now: Int64) throws(BinanceError) -> (tenSeconds: Int, day: Int) {
        let result: Result<(Int, Int), BinanceError> = state.withLock { state in
            var counters = state.accounts[account] ?? AccountCounters()
            defer { state.accounts[account] = counters }
            let tenSeconds = counters.tenSeconds.current(at: now)
            let day = counters.day.current(at: now)
            if limits.enforced && tenSeconds >= limits.ordersPerTenSeconds {
                return .failure(.tooManyOrders(limit: limits.ordersPerTenSeconds, interval: "10 SECOND",
                                               retryAfterSeconds: counters.tenSeconds.secondsLeft(at: now)))
            }
            if limits.enforced && day >= limits.ordersPerDay {
                return .failure(.tooManyOrders(limit: limits.ordersPerDay, interval: "1 DAY",
                                               retryAfterSeconds: counters.day.secondsLeft(at: now)))
            }
            return .success((counters.tenSeconds.add(1, at: now), counters.day.add(1, at: now)))
        }
        return try result.get()
    }

    /// Refuses a command of `account` while its refusals in the current 10 s are at the limit.
    func checkRejected(account: AccountId, now: Int64) throws(BinanceError) {
        let refusal: BinanceError? = state.withLock { state in
            guard limits.enforced, var counters = state.accounts[account] else { return nil }
            defer { state.accounts[account] = counters }
            guard counters.rejected.current(at: now) >= limits.rejectedPerTenSeconds else { return nil }
            return .tooManyRejected(limit: limits.rejectedPerTenSeconds, retryAfterSeconds: counters.rejected.secondsLeft(at: now))
        }
        if let refusal { throw refusal }
    }

    /// Counts a command of `account` that the engine refused.
    func noteRejected(account: AccountId, now: Int64) {
        state.withLock { state in
            var counters = state.accounts[account] ?? AccountCounters()
            _ = counters.rejected.add(1, at: now)
            state.accounts[account] = counters
        }
    }

    /// The account's order counts in the current windows.
    func orderCounts(account: AccountId, now: Int64) -> (tenSeconds: Int, day: Int) {
        state.withLock { state in
            var counters = state.accounts[account] ?? AccountCounters()
            defer { state.accounts[account] = counters }
            return (counters.tenSeconds.current(at: now), counters.day.current(at: now))
        }
    }

    /// Weight `ip` has used in the current minute (the `X-MBX-USED-WEIGHT-1M` header).
    func usedWeight(ip: String, now: Int64) -> Int {
        state.withLock { state in state.ips[LimitedAddress.key(ip)]?.weight.current(at: now) ?? 0 }
    }
}

extension RateLimiter.State {
    /// Drops counters whose windows have all passed, once a minute.
    fileprivate mutating func sweep(now: Int64) {
        guard now - lastSweep >= 60_000 else { return }
        lastSweep = now
        ips = ips.filter { $0.value.raw.start + 300_000 > now || $0.value.bannedUntil > now }
        accounts = accounts.filter { $0.value.day.start + 86_400_000 > now }
    }
}
