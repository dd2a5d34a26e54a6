/// Counts a connection's incoming messages per second (spec §5.1); past the maximum the
/// connection is dropped.
struct MessageRate {
    private var window = FixedWindow(length: 1_000)
    let perSecondMax: Int

    init(perSecondMax: Int) {
        precondition(perSecondMax > 0, "a connection may send something")
        self.perSecondMax = perSecondMax
    }

    /// Counts one message at `nowMs`; false once the second's count passes the maximum.
    mutating func admit(nowMs: Int64) -> Bool {
        window.add(1, at: nowMs) <= perSecondMax
    }
}
