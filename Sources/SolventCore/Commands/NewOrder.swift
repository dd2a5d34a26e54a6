/// The parameters of `POST /api/v3/order`, already parsed into exact integers by the gateway.
public struct NewOrder: Hashable, Sendable {
    public var account: AccountId
    public var market: MarketId
    public var side: Side
    public var type: OrderType
    public var timeInForce: TimeInForce?
    /// Base quantity; `nil` for a MARKET order by quote amount.
    public var quantity: Quantity?
    /// `quoteOrderQty`: MARKET only; quote to spend (BUY) or to receive (SELL).
    public var quoteOrderQuantity: QuoteAmount?
    public var price: Price?
    public var stopPrice: Price?
    public var icebergQuantity: Quantity?
    public var clientOrderId: ClientOrderId
    /// `nil` takes the market's default mode.
    public var selfTradePreventionMode: SelfTradePreventionMode?
    public var strategyId: Int64
    public var strategyType: Int32

    public init(account: AccountId, market: MarketId, side: Side, type: OrderType,
                timeInForce: TimeInForce? = nil, quantity: Quantity? = nil,
                quoteOrderQuantity: QuoteAmount? = nil, price: Price? = nil, stopPrice: Price? = nil,
                icebergQuantity: Quantity? = nil, clientOrderId: ClientOrderId = .none,
                selfTradePreventionMode: SelfTradePreventionMode? = nil,
                strategyId: Int64 = 0, strategyType: Int32 = 0) {
        self.account = account
        self.market = market
        self.side = side
        self.type = type
        self.timeInForce = timeInForce
        self.quantity = quantity
        self.quoteOrderQuantity = quoteOrderQuantity
        self.price = price
        self.stopPrice = stopPrice
        self.icebergQuantity = icebergQuantity
        self.clientOrderId = clientOrderId
        self.selfTradePreventionMode = selfTradePreventionMode
        self.strategyId = strategyId
        self.strategyType = strategyType
    }

    /// A LIMIT order, the common case.
    public static func limit(_ account: AccountId, _ market: MarketId, _ side: Side, price: Price,
                             quantity: Quantity, timeInForce: TimeInForce = .gtc,
                             clientOrderId: ClientOrderId = .none,
                             selfTradePreventionMode: SelfTradePreventionMode? = nil) -> NewOrder {
        NewOrder(account: account, market: market, side: side, type: .limit, timeInForce: timeInForce,
                 quantity: quantity, price: price, clientOrderId: clientOrderId,
                 selfTradePreventionMode: selfTradePreventionMode)
    }
}

/// How a command names an existing order: by id, by client id, or both (which must agree).
public struct OrderReference: Hashable, Sendable {
    public var orderId: OrderId?
    public var clientOrderId: ClientOrderId

    public init(orderId: OrderId? = nil, clientOrderId: ClientOrderId = .none) {
        self.orderId = orderId
        self.clientOrderId = clientOrderId
    }

    public static func id(_ id: OrderId) -> OrderReference { OrderReference(orderId: id) }
    public static func client(_ id: ClientOrderId) -> OrderReference { OrderReference(clientOrderId: id) }
}

/// `DELETE /api/v3/order`.
public struct CancelOrder: Hashable, Sendable {
    public var account: AccountId
    public var market: MarketId
    public var order: OrderReference
    /// Id of the cancel itself (`newClientOrderId`), reported as the event's client id.
    public var cancelClientOrderId: ClientOrderId
    public var restriction: CancelRestriction

    public init(account: AccountId, market: MarketId, order: OrderReference,
                cancelClientOrderId: ClientOrderId = .none, restriction: CancelRestriction = .none) {
        self.account = account
        self.market = market
        self.order = order
        self.cancelClientOrderId = cancelClientOrderId
        self.restriction = restriction
    }
}

/// `POST /api/v3/order/cancelReplace`: cancel one order, then place another on the same market.
public struct CancelReplace: Hashable, Sendable {
    public var mode: CancelReplaceMode
    public var cancel: CancelOrder
    public var replacement: NewOrder

    public init(mode: CancelReplaceMode, cancel: CancelOrder, replacement: NewOrder) {
        self.mode = mode
        self.cancel = cancel
        self.replacement = replacement
    }
}

/// `PUT /api/v3/order/amend/keepPriority`: lower an open order's quantity without losing its place.
public struct AmendOrder: Hashable, Sendable {
    public var account: AccountId
    public var market: MarketId
    public var order: OrderReference
    public var newQuantity: Quantity

    public init(account: AccountId, market: MarketId, order: OrderReference, newQuantity: Quantity) {
        self.account = account
        self.market = market
        self.order = order
        self.newQuantity = newQuantity
    }
}
