/// The bounds of the WebSocket surface (spec §5.1): Binance's figures where clients depend on
/// them, lenient where Binance's own value would trip unmodified clients.
public struct StreamLimits: Sendable {
    /// Streams one connection may hold (Binance: 1024).
    public var streamsPerConnectionMax = 1_024
    /// Text messages a connection may send per second before it is disconnected. Binance allows
    /// 5, but binance-connector and ccxt.pro fire one SUBSCRIBE per call back to back (8 in a few
    /// ms), so the default is lenient.
    public var messagesPerSecondMax = 50
    /// Open WebSocket connections on the server, all paths together.
    public var connectionsMax = 10_000
    /// New connections one IP may open per five minutes (Binance: 300); enforced only when the
    /// REST rate limits are (`RateLimits.enforced`), so local test runs are not throttled.
    public var connectionsPerIPPerFiveMinutes = 300
    /// A connection's outbound buffer: past either bound the consumer is too slow, and it is
    /// disconnected (close 1008 "slow consumer") rather than allowed to hold anything up.
    public var outboxMessagesMax = 4_096
    public var outboxBytesMax = 16 * 1_024 * 1_024
    /// All outboxes together (`OutboxBudget`, which states what happens when it is reached).
    public var outboxesBytesMax = 1_024 * 1_024 * 1_024
    /// Largest text message a client may send (control messages are small).
    public var inboundMessageBytesMax = 64 * 1_024
    /// The server pings every `pingIntervalSeconds`; a connection silent (no pong, no message)
    /// for `silenceTimeoutSeconds` is dropped.
    public var pingIntervalSeconds = 20
    public var silenceTimeoutSeconds = 60
    /// Connections are closed after this long, as Binance closes them after 24 h.
    public var connectionLifetimeSeconds = 86_400

    public init() {}
}
