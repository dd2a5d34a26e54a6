import Synchronization

/// The connection limits of spec §5.1: a ceiling on open connections, and Binance's limit on
/// new connections per IP per five minutes (only when rate limits are enforced), counted by
/// `LimitedAddress`. The table of addresses is bounded: when full, windows that have ended are
/// dropped; if every one is still live, a new address is refused until some end (the limit
/// fails closed for newcomers, never open for everyone).
final class ConnectionAdmission: Sendable {
    private struct State {
        var open = 0
        var windows: [String: FixedWindow] = [:]
        /// The window in which ended windows were last dropped: once per window is enough, as
        /// none ends before the next.
        var prunedIn: Int64 = -1
    }

    private static let fiveMinutesMs: Int64 = 300_000
    /// Addresses the per-IP table holds at most.
    static let addressesMax = 100_000
    private let openMax: Int
    private let perIPMax: Int?
    private let addressesMax: Int
    private let state = Mutex(State())

    init(limits: StreamLimits, enforcePerIP: Bool, addressesMax: Int = ConnectionAdmission.addressesMax) {
        openMax = limits.connectionsMax
        self.addressesMax = addressesMax
        perIPMax = enforcePerIP ? limits.connectionsPerIPPerFiveMinutes : nil
    }

    /// Takes a slot for a new connection from `ip` at `nowMs`; false when a limit forbids it.
    func admit(ip: String, nowMs: Int64) -> Bool {
        state.withLock { state in
            guard state.open < openMax else { return false }
            if let perIPMax {
                let key = LimitedAddress.key(ip)
                if state.windows[key] == nil && state.windows.count >= addressesMax {
                    let windowStart = nowMs - nowMs % Self.fiveMinutesMs
                    guard state.prunedIn != windowStart else { return false }
                    state.prunedIn = windowStart
                    state.windows = state.windows.filter { $0.value.start == windowStart }
                    guard state.windows.count < addressesMax else { return false }
                }
                var window = state.windows[key] ?? FixedWindow(length: Self.fiveMinutesMs)
                guard window.current(at: nowMs) < perIPMax else { return false }
                _ = window.add(1, at: nowMs)
                state.windows[key] = window
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
