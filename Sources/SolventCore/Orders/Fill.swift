/// One execution of an order: what an executionReport's `l`, `L`, `n`, `N`, `t`, `m` and a FULL
/// response's `fills[]` entry show.
public struct Fill: Hashable, Sendable {
    public var tradeId: TradeId
    public var price: Price
    public var quantity: Quantity
    public var quote: QuoteAmount
    public var commission: Amount
    public var commissionAsset: AssetId
    public var isMaker: Bool

    public init(tradeId: TradeId, price: Price, quantity: Quantity, quote: QuoteAmount,
                commission: Amount, commissionAsset: AssetId, isMaker: Bool) {
        self.tradeId = tradeId
        self.price = price
        self.quantity = quantity
        self.quote = quote
        self.commission = commission
        self.commissionAsset = commissionAsset
        self.isMaker = isMaker
    }

    public static let none = Fill(tradeId: -1, price: 0, quantity: 0, quote: 0, commission: 0,
                                  commissionAsset: 0, isMaker: false)
}

/// A self-trade that was prevented (`v`, `B`, `U` of an executionReport).
public struct PreventedMatch: Hashable, Sendable {
    /// Exchange-wide id of the prevention, increasing from 1.
    public var id: Int64
    public var quantity: Quantity
    public var price: Price
    public var takerOrderId: OrderId
    public var makerOrderId: OrderId

    public static let none = PreventedMatch(id: -1, quantity: 0, price: 0, takerOrderId: 0, makerOrderId: 0)
}
