/// One order as the engine keeps it, and as every order event reports it.
///
/// Everything an executionReport or a FULL/RESULT response shows about the order itself lives
/// here; per-fill details travel beside it in `Fill`.
public struct Order: Hashable, Sendable {
    public var id: OrderId
    public var clientOrderId: ClientOrderId
    public var account: AccountId
    public var market: MarketId
    public var side: Side
    /// The type as placed (a triggered STOP_LOSS_LIMIT still reports STOP_LOSS_LIMIT).
    public var type: OrderType
    public var timeInForce: TimeInForce
    public var selfTradePreventionMode: SelfTradePreventionMode
    public var status: OrderStatus
    public var expiryReason: ExpiryReason
    /// Limit price, 0 for MARKET, STOP_LOSS and TAKE_PROFIT.
    public var price: Price
    /// Trigger price of a conditional order, else 0.
    public var stopPrice: Price
    /// `origQty`. For a MARKET order by `quoteOrderQty`, what it has executed so far.
    public var quantity: Quantity
    /// `origQuoteOrderQty`; 0 unless placed by it.
    public var quoteOrderQuantity: QuoteAmount
    /// Visible tranche size of an iceberg, else 0.
    public var icebergQuantity: Quantity
    public var executedQuantity: Quantity
    /// `cummulativeQuoteQty`: Σ price × quantity over this order's fills.
    public var cumulativeQuote: QuoteAmount
    /// What remains locked for this order (quote for a buy, base for a sell).
    public var reserved: Amount
    /// Quantity of the current iceberg tranche still showing on the book (= remaining otherwise).
    public var visibleQuantity: Quantity
    /// Σ quantity self-trade prevention kept from trading (`preventedQuantity`).
    public var preventedQuantity: Quantity
    public var strategyId: Int64
    public var strategyType: Int32
    /// Sequence in which the order was accepted; the book breaks price ties by it.
    public var createdAt: Timestamp
    /// When it started working on the book; -1 while a conditional order waits for its trigger.
    public var workingTime: Timestamp
    public var updatedAt: Timestamp
    /// The conditional order's stop has fired; it now works as its `type.triggered`.
    public var isTriggered: Bool

    /// Quantity still able to trade: what self-trade prevention took off no longer can.
    /// Not meaningful for a MARKET order by quote amount, whose bound is its budget.
    @inlinable public var remainingQuantity: Quantity { quantity - executedQuantity - preventedQuantity }

    /// The type it currently works as.
    @inlinable public var workingType: OrderType { isTriggered ? type.triggered : type }

    /// Waiting for its stop price: not on the book.
    @inlinable public var isPendingTrigger: Bool { type.isConditional && !isTriggered }
}
