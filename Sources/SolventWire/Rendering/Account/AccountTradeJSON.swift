import SolventCore

/// One trade seen from one side of it: a `GET /api/v3/myTrades` item.
public struct AccountTrade: Sendable, Hashable {
    public var id: TradeId
    public var orderId: OrderId
    public var price: Price
    public var quantity: Quantity
    public var quote: QuoteAmount
    public var commission: Amount
    public var commissionAsset: AssetId
    public var time: Timestamp
    public var isBuyer: Bool
    public var isMaker: Bool

    public init(id: TradeId, orderId: OrderId, price: Price, quantity: Quantity, quote: QuoteAmount,
                commission: Amount, commissionAsset: AssetId, time: Timestamp, isBuyer: Bool, isMaker: Bool) {
        self.id = id
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

    /// The trade a `.trade` execution of `order` reports.
    public init(fill: Fill, order: Order, time: Timestamp) {
        self.init(id: fill.tradeId, orderId: order.id, price: fill.price, quantity: fill.quantity,
                  quote: fill.quote, commission: fill.commission, commissionAsset: fill.commissionAsset,
                  time: time, isBuyer: order.side == .buy, isMaker: fill.isMaker)
    }
}

/// The answer to `GET /api/v3/myTrades` (spec §3.4).
public enum AccountTradeJSON {
    public static func renderList(_ trades: [AccountTrade], market: MarketNames) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 + trades.count * 320)
        writer.beginArray()
        for trade in trades { write(trade, market: market, to: &writer) }
        writer.endArray()
        return writer.finish()
    }

    public static func write(_ trade: AccountTrade, market: MarketNames, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("symbol", market.symbol)
        writer.field("id", trade.id)
        writer.field("orderId", trade.orderId)
        writer.orderListIdField()
        writer.decimalField("price", trade.price, scale: market.priceScale)
        writer.decimalField("qty", trade.quantity, scale: market.baseScale)
        writer.decimalField("quoteQty", trade.quote, scale: market.quoteScale)
        writer.decimalField("commission", trade.commission, scale: market.scale(of: trade.commissionAsset))
        writer.field("commissionAsset", market.assetName(trade.commissionAsset))
        writer.field("time", trade.time)
        writer.field("isBuyer", trade.isBuyer)
        writer.field("isMaker", trade.isMaker)
        writer.field("isBestMatch", true)
        writer.endObject()
    }
}
