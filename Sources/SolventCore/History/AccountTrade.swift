/// One fill of one account's order: a `myTrades` row, as the history store keeps it and the API renders it. A trade between two accounts is two rows,
/// one per side; a self-trade (STP `NONE`) is two rows of the same account.
public struct AccountTrade: Hashable, Sendable {
    public var account: AccountId
    public var market: MarketId
    public var tradeId: TradeId
    public var orderId: OrderId
    public var price: Price
    public var quantity: Quantity
    public var quote: QuoteAmount
    /// Charged in `commissionAsset`: the asset this side received (spec §4.3).
    public var commission: Amount
    public var commissionAsset: AssetId
    public var time: Timestamp
    public var isBuyer: Bool
    public var isMaker: Bool

    public init(account: AccountId, market: MarketId, tradeId: TradeId, orderId: OrderId, price: Price,
                quantity: Quantity, quote: QuoteAmount, commission: Amount, commissionAsset: AssetId,
                time: Timestamp, isBuyer: Bool, isMaker: Bool) {
        self.account = account
        self.market = market
        self.tradeId = tradeId
        self.orderId = orderId
        self.price = price
        self.quantity = quantity
        self.quote = quote
        self.commission = commission
        self.commissionAsset = commissionAsset
        self.time = time
        self.isBuyer = isBuyer
        self.isMaker = isMaker
    }

    /// The row an order event with a fill makes.
    public init(_ event: OrderEvent, _ fill: Fill) {
        self.init(account: event.order.account, market: event.order.market, tradeId: fill.tradeId,
                  orderId: event.order.id, price: fill.price, quantity: fill.quantity, quote: fill.quote,
                  commission: fill.commission, commissionAsset: fill.commissionAsset, time: event.time,
                  isBuyer: event.order.side == .buy, isMaker: fill.isMaker)
    }
}
