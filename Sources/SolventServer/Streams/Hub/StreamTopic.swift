import SolventCore

/// What the hub publishes to: one stream kind of one market, or an all-market array.
enum StreamTopic: Hashable, Sendable {
    case market(MarketId, StreamKind)
    case allMiniTickers
    case allTickers
}

/// One subscription: who, and under which name (the combined wrapper echoes the spelling the
/// client used: `btcusdt@depth` and `btcusdt@depth@1000ms` are one topic, two names).
struct Recipient: Sendable {
    let subscriber: StreamSubscriber
    let name: String
}
