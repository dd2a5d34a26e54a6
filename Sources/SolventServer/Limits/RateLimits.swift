/// The limits the server enforces and advertises in exchangeInfo (spec §7). Binance's current
/// figures by default; a local test server can switch enforcement off.
public struct RateLimits: Sendable {
    public var enforced = true
    /// REQUEST_WEIGHT per IP per minute.
    public var weightPerMinute = 6_000
    /// RAW_REQUESTS per IP per 5 minutes.
    public var rawRequestsPerFiveMinutes = 61_000
    /// ORDERS per account per 10 seconds and per day.
    public var ordersPerTenSeconds = 100
    public var ordersPerDay = 200_000
    /// Commands of one account the engine may refuse per 10 seconds before the account's next
    /// command is refused at the door instead (every command is journaled, refused ones too, so
    /// this bounds what one key can add to the journal for nothing).
    public var rejectedPerTenSeconds = 50
    /// An IP that keeps sending after a 429 is banned (HTTP 418) for this long.
    public var banSeconds = 120

    public init() {}
}
