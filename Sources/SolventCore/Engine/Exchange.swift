/// The production engine: the matching rules of `Engine` on the fast order book.
///
/// A concrete, non-generic type so that the whole engine is specialized and optimized inside
/// this module; callers in other modules (the sequencer, the CLI, benchmarks) get that code.
public struct Exchange {
    public private(set) var engine = Engine<FastBook>()

    public init() {}

    /// The exchange a snapshot describes (`encodedState()` bytes); corrupt input throws.
    public init(encodedState bytes: [UInt8]) throws(BinaryDecodingError) {
        engine = try Engine(encodedState: bytes)
    }

    /// Applies one command, appending what it caused to `events`.
    public mutating func apply(_ command: Command, at time: Timestamp, into events: inout [Event]) {
        engine.apply(command, at: time, into: &events)
    }

    /// Applies one command and returns its events.
    public mutating func apply(_ command: Command, at time: Timestamp) -> [Event] {
        engine.apply(command, at: time)
    }

    /// The whole state's bytes: what a snapshot stores.
    public func encodedState() -> [UInt8] {
        engine.encodedState()
    }

    /// SHA-256 of `encodedState()`: replay is checked against it.
    public func stateHash() -> SHA256Digest {
        engine.stateHash()
    }

    /// Broken invariants (conservation, reservations, book order); empty when all hold.
    public func invariantViolations() -> [String] {
        engine.invariantViolations()
    }

    /// Why `order` would be refused before it reaches the book (every check but the balance),
    /// or nil: what `POST /api/v3/order/test` answers, without changing anything.
    public func admissionProblem(_ order: NewOrder) -> RejectReason? {
        engine.admissionProblem(order)
    }

    public func balance(of account: AccountId, _ asset: AssetId) -> Balance {
        engine.balance(of: account, asset)
    }

    public func openOrders(_ market: MarketId, _ side: Side) -> [Order] {
        engine.openOrders(market, side)
    }

    public func lastPrice(_ market: MarketId) -> Price? {
        engine.lastPrice(market)
    }
}
