import SolventCore

/// A public trade as the store returns it (`trades`, `historicalTrades`, `aggTrades` material).
///
/// The same fields, under the same names, as the core's `Trade`, which has no public initializer
/// and so cannot be rebuilt outside the core; `init(_:)` converts a live event into this shape.
public struct TradeRecord: Hashable, Sendable {
    public var market: MarketId
    public var id: TradeId
    public var price: Price
    public var quantity: Quantity
    public var quote: QuoteAmount
    public var buyerOrderId: OrderId
    public var sellerOrderId: OrderId
    public var buyerAccount: AccountId
    public var sellerAccount: AccountId
    public var takerSide: Side
    public var time: Timestamp

    public init(market: MarketId, id: TradeId, price: Price, quantity: Quantity, quote: QuoteAmount,
                buyerOrderId: OrderId, sellerOrderId: OrderId, buyerAccount: AccountId,
                sellerAccount: AccountId, takerSide: Side, time: Timestamp) {
        self.market = market
        self.id = id
        self.price = price
        self.quantity = quantity
        self.quote = quote
        self.buyerOrderId = buyerOrderId
        self.sellerOrderId = sellerOrderId
        self.buyerAccount = buyerAccount
        self.sellerAccount = sellerAccount
        self.takerSide = takerSide
        self.time = time
    }

    public init(_ trade: Trade) {
        self.init(market: trade.market, id: trade.id, price: trade.price, quantity: trade.quantity,
                  quote: trade.quote, buyerOrderId: trade.buyerOrderId, sellerOrderId: trade.sellerOrderId,
                  buyerAccount: trade.buyerAccount, sellerAccount: trade.sellerAccount,
                  takerSide: trade.takerSide, time: trade.time)
    }

    /// The resting order was the buyer (`m` / `isBuyerMaker`).
    public var isBuyerMaker: Bool { takerSide == .sell }

    /// The order that came in and took liquidity; `aggTrades` groups by it.
    public var takerOrderId: OrderId { takerSide == .buy ? buyerOrderId : sellerOrderId }
}
