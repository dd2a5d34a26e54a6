/// A counter over fixed, aligned windows (a minute starting at :00, ten seconds, a day in UTC),
/// as Binance counts its limits.
struct FixedWindow: Sendable {
    let length: Int64
    private(set) var start: Int64 = 0
    private(set) var count = 0

    init(length: Int64) {
        self.length = length
    }

    /// The count in the window holding `now`.
    mutating func current(at now: Int64) -> Int {
        let windowStart = now - now % length
        if windowStart != start {
            start = windowStart
            count = 0
        }
        return count
    }

    mutating func add(_ amount: Int, at now: Int64) -> Int {
        _ = current(at: now)
        count += amount
        return count
    }

    /// Seconds until the window holding `now` ends.
    func secondsLeft(at now: Int64) -> Int {
        Int((start + length - now + 999) / 1_000)
    }
}
