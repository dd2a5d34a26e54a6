import Synchronization

/// The connection limits of spec §5.1: a ceiling on open connections, and Binance's limit on
/// new connections per IP per five minutes (only when rate limits are enforced).
final class ConnectionAdmission: Sendable {
    private struct State {
        var open = 0
        var windows: [String: FixedWindow] = [:]
    }

    private static let fiveMinutesMs: Int64 = 300_000
    private let openMax: Int
    private let perIPMax: Int?
    private let state = Mutex(State())

    init(limits: StreamLimits, enforcePerIP: Bool) {
        openMax = limits.connectionsMax
        perIPMax = enforcePerIP ? limits.connectionsPerIPPerFiveMinutes : nil
    }

    /// Takes a slot for a new connection from `ip` at `nowMs`; false when a limit forbids it.
    func admit(ip: String, nowMs: Int64) -> Bool {
        state.withLock { state in
            guard state.open < openMax else { return false }
            if let perIPMax {
                var window = state.windows[ip] ?? FixedWindow(length: Self.fiveMinutesMs)
                guard window.current(at: nowMs) < perIPMax else { return false }
                _ = window.add(1, at: nowMs)
                state.windows[ip] = window
                // Old windows are dropped now and then so the table cannot grow without bound.
                if state.windows.count > 100_000 { state.windows = [ip: window] }
            }
            state.open += 1
            return true
        }
    }

    /// Gives back the slot of a connection that ended.
    func release() {
        state.withLock { state in
            assert(state.open > 0, "released more connections than were admitted")
            state.open -= 1
        }
    }

    var openConnections: Int { state.withLock { $0.open } }
}
