/// The `timestamp` / `recvWindow` rule of signed requests (spec §2.4).
public struct RequestTiming {
    /// `recvWindow` when the request has none.
    public static let recvWindowDefaultMs: Int64 = 5000
    /// Largest `recvWindow` accepted; more is `-1130`.
    public static let recvWindowMaxMs: Int64 = 60_000
    /// A timestamp this far ahead of the server clock, or more, is refused.
    public static let aheadToleranceMs: Int64 = 1000

    /// Accepts the request or says why not. All times in ms; `recvWindow` as
    /// `RequestParameters.recvWindowMilliseconds()` reads it. Run it on arrival and again just
    /// before the engine takes the command, since the window may close while the request waits.
    public static func check(timestamp: Int64, recvWindow: Int64?, now: Int64) throws(BinanceError) {
        let window = recvWindow ?? recvWindowDefaultMs
        guard (0...recvWindowMaxMs).contains(window) else { throw .invalidParameter("recvWindow") }
        if timestamp >= now + aheadToleranceMs { throw .timestampAhead }
        if now - timestamp > window { throw .timestampOutsideRecvWindow }
    }
}
