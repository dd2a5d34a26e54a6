import SolventCore

/// `POST /api/v3/order`'s parameters as a core `NewOrder`, with Binance's per-type rules on
/// which parameters must and must not be sent (spec §3.3). The engine checks everything that
/// needs state (filters, balances, the book).
public struct OrderRequest: Sendable {
    public let order: NewOrder
    public let responseType: NewOrderResponseType

    /// A request that sends no `newClientOrderId` gets `generatedClientOrderId()` (the server
    /// makes them up, as Binance does).
    public init(_ parameters: RequestParameters, account: AccountId, market: MarketId, names: MarketNames,
                generatedClientOrderId: () -> ClientOrderId) throws(BinanceError) {
        guard let side = try parameters.side() else { throw .mandatoryParameter("side") }
        guard let type = try parameters.orderType() else { throw .mandatoryParameter("type") }
        let baseScale = names.baseScale
        let quoteScale = names.quoteScale
        let rules = TypeRules(type)
        try rules.check(parameters)
        var order = NewOrder(
            account: account, market: market, side: side, type: type, timeInForce: try parameters.timeInForce(),
            quantity: try parameters.decimal("quantity", scale: baseScale),
            quoteOrderQuantity: try parameters.decimal("quoteOrderQty", scale: quoteScale),
            price: try parameters.decimal("price", scale: quoteScale),
            stopPrice: try parameters.decimal("stopPrice", scale: quoteScale),
            icebergQuantity: try parameters.decimal("icebergQty", scale: baseScale),
            clientOrderId: try parameters.clientOrderId("newClientOrderId") ?? generatedClientOrderId(),
            selfTradePreventionMode: try parameters.selfTradePreventionMode(),
            strategyId: try parameters.int64("strategyId") ?? 0)
        if let strategyType = try parameters.int64("strategyType") {
            guard strategyType >= 1_000_000, strategyType <= Int64(Int32.max) else { throw .badStrategyType }
            order.strategyType = Int32(strategyType)
        }
        self.order = order
        responseType = try parameters.newOrderResponseType() ?? .defaultFor(type)
    }
}

/// Which parameters each order type needs and refuses (spec §3.3's table).
private struct TypeRules {
    let required: [String]
    let refused: [String]
    let needsQuantityOrQuote: Bool

    init(_ type: OrderType) {
        switch type {
        case .limit:
            (required, refused, needsQuantityOrQuote) = (["timeInForce", "quantity", "price"], ["quoteOrderQty"], false)
        case .market:
            (required, refused, needsQuantityOrQuote) = ([], ["timeInForce", "price"], true)
        case .stopLoss, .takeProfit:
            (required, refused, needsQuantityOrQuote) = (["quantity", "stopPrice"], ["timeInForce", "price", "quoteOrderQty"], false)
        case .stopLossLimit, .takeProfitLimit:
            (required, refused, needsQuantityOrQuote) = (["timeInForce", "quantity", "price", "stopPrice"], ["quoteOrderQty"], false)
        case .limitMaker:
            (required, refused, needsQuantityOrQuote) = (["quantity", "price"], ["timeInForce", "quoteOrderQty"], false)
        }
    }

    func check(_ parameters: RequestParameters) throws(BinanceError) {
        for name in required where (parameters[name] ?? "").isEmpty { throw .mandatoryParameter(name) }
        for name in refused where parameters.contains(name) {
            throw name == "timeInForce" ? .timeInForceNotRequired : .parameterNotRequired(name)
        }
        guard needsQuantityOrQuote else { return }
        let quantity = !(parameters["quantity"] ?? "").isEmpty
        let quote = !(parameters["quoteOrderQty"] ?? "").isEmpty
        if !quantity && !quote { throw .eitherParameter("quantity", "quoteOrderQty") }
        if quantity && quote { throw .parameterNotRequired("quoteOrderQty") }
    }
}
