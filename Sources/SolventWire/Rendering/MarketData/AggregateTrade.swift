import SolventCore

/// Trades of one taker order at one price, merged: an item of `GET /api/v3/aggTrades` and of the
/// `@aggTrade` stream. The aggregate's id is its first trade's id, so it can be computed from the
/// trades alone (by the REST store reader and by the stream alike) and `fromId` keeps Binance's
/// meaning, "aggregates whose id is at least this", although ids skip where trades merged.
public struct AggregateTrade: Sendable, Hashable {
    public var id: Int64
    public var price: Price
    public var quantity: Quantity
    public var firstTradeId: TradeId
    public var lastTradeId: TradeId
    public var time: Timestamp
    public var isBuyerMaker: Bool

    public init(id: Int64, price: Price, quantity: Quantity, firstTradeId: TradeId, lastTradeId: TradeId,
                time: Timestamp, isBuyerMaker: Bool) {
        precondition(firstTradeId <= lastTradeId, "an aggregate's trade ids run forward")
        self.id = id
        self.price = price
        self.quantity = quantity
        self.firstTradeId = firstTradeId
        self.lastTradeId = lastTradeId
        self.time = time
        self.isBuyerMaker = isBuyerMaker
    }

    /// One trade as its own aggregate.
    public init(trade: Trade) {
        self.init(id: trade.id, price: trade.price, quantity: trade.quantity, firstTradeId: trade.id,
                  lastTradeId: trade.id, time: trade.time, isBuyerMaker: trade.isBuyerMaker)
    }

    /// Whether `next` belongs to the aggregate that `previous` ends: the very next trade of the
    /// market, by the same taker order, at the same price. (Such trades come from one command,
    /// so they share its time too.)
    public static func continues(_ previous: Trade, with next: Trade) -> Bool {
        next.id == previous.id + 1 && next.takerOrderId == previous.takerOrderId && next.price == previous.price
            && next.takerSide == previous.takerSide
    }

    /// Trades of one market in id order, merged into aggregates. A group cut by the start or the
    /// end of `trades` comes out partial: callers that page decide what to do with it.
    public static func merging(_ trades: some Sequence<Trade>) -> [AggregateTrade] {
        var aggregates: [AggregateTrade] = []
        var last: Trade?
        for trade in trades {
            if let previous = last, continues(previous, with: trade) {
                aggregates[aggregates.count - 1].absorb(trade)
            } else {
                aggregates.append(AggregateTrade(trade: trade))
            }
            last = trade
        }
        return aggregates
    }

    private mutating func absorb(_ trade: Trade) {
        quantity += trade.quantity
        lastTradeId = trade.id
    }
}
