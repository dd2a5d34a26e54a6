import Synchronization
import SolventWire

/// Sign-up and sign-in attempts per IP (an IPv6 /64 as one), in fixed one-minute windows: what keeps one address from
/// trying passwords across many logins (the per-login lock-out stops trying many on one).
final class LoginThrottle: Sendable {
    private let limit: Int
    private let windows = Mutex<[String: FixedWindow]>([:])

    init(attemptsPerMinute: Int) {
        limit = attemptsPerMinute
    }

    /// Counts an attempt from `ip`; refuses it (429, with `Retry-After`) past the limit.
    func charge(ip: String, now: Int64) throws(BinanceError) {
        let (count, secondsLeft) = windows.withLock { windows in
            if windows.count > 100_000 { windows = windows.filter { $0.value.start + $0.value.length > now } }
            // An IPv6 /64 counts once, as in the REST limits: one host holds the whole prefix.
            let key = LimitedAddress.key(ip)
            var window = windows[key] ?? FixedWindow(length: 60_000)
            let count = window.add(1, at: now)
            windows[key] = window
            return (count, window.secondsLeft(at: now))
        }
        guard count <= limit else { throw .tooManySignInAttempts(limit: limit, retryAfterSeconds: secondsLeft) }
    }
}
