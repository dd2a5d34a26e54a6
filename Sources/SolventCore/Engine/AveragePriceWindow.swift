/// Volume-weighted average trade price over the last few minutes, the reference price of
/// `PERCENT_PRICE_BY_SIDE` and of market-order notional checks (Binance's `avgPrice`).
///
/// One bucket per minute in a ring; a bucket whose minute has left the window is stale and skipped.
/// Everything is driven by the command timestamps, so it is as deterministic as the rest.
struct AveragePriceWindow: Hashable, Sendable {
    struct Bucket: Hashable, Sendable {
        var minute: Int64 = -1
        var quote: Int64 = 0
        var quantity: Int64 = 0
    }

    /// Window length in minutes; 0 means "the last trade price".
    let minutes: Int
    private(set) var buckets: [Bucket]

    init(minutes: Int) {
        self.minutes = minutes
        self.buckets = Array(repeating: Bucket(), count: max(minutes, 1))
    }

    init(minutes: Int, buckets: [Bucket]) {
        self.minutes = minutes
        self.buckets = buckets
    }

    mutating func record(quote: QuoteAmount, quantity: Quantity, at time: Timestamp) {
        guard minutes > 0 else { return }
        let minute = time / 60_000
        let slot = Int(minute.magnitude % UInt64(minutes))
        if buckets[slot].minute != minute { buckets[slot] = Bucket(minute: minute) }
        // Saturating: a window holding more than Int64.max of volume only skews the reference price.
        buckets[slot].quote = Self.saturatingAdd(buckets[slot].quote, quote)
        buckets[slot].quantity = Self.saturatingAdd(buckets[slot].quantity, quantity)
    }

    /// The average price at `time`, or `nil` when no trade fell inside the window.
    func average(at time: Timestamp, notional: Notional) -> Price? {
        guard minutes > 0 else { return nil }
        let current = time / 60_000
        var quote: Int128 = 0, quantity: Int128 = 0
        for bucket in buckets where bucket.minute > current - Int64(minutes) && bucket.minute <= current {
            quote += Int128(bucket.quote)
            quantity += Int128(bucket.quantity)
        }
        guard quantity > 0 else { return nil }
        return Int64(exactly: quote * Int128(notional.baseUnitsPerWhole) / quantity)
    }

    private static func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
