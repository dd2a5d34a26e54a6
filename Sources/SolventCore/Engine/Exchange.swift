/// The production engine: the matching rules of `Engine` on the fast order book.
///
/// A concrete, non-generic type so that the whole engine is specialized and optimized inside
/// this module; callers in other modules (the sequencer, the CLI, benchmarks) get that code.
public struct Exchange {
    public private(set) var engine = Engine<FastBook>()

    public init() {}

    /// Applies one command, appending what it caused to `events`.
    public mutating func apply(_ command: Command, at time: Timestamp, into events: inout [Event]) {
        engine.apply(command, at: time, into: &events)
    }

    /// Applies one command and returns its events.
    public mutating func apply(_ command: Command, at time: Timestamp) -> [Event] {
        engine.apply(command, at: time)
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
