import SolventCore
import SolventWire

/// `POST /api/v3/order/cancelReplace`: the engine runs both halves as one command; each
/// rejection carries the half it concerns, and the answer reports each half (spec §3.3).
enum CancelReplaceEndpoint {
    static func handle(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        guard let mode = try parameters.cancelReplaceMode() else { throw .mandatoryParameter("cancelReplaceMode") }
        let reference = try parameters.orderReference(idName: "cancelOrderId", clientIdName: "cancelOrigClientOrderId")
        let cancel = CancelOrder(account: request.caller, market: market.id, order: reference,
                                 cancelClientOrderId: try parameters.clientOrderId("cancelNewClientOrderId")
                                     ?? GeneratedClientOrderIds.next(),
                                 restriction: try parameters.cancelRestrictions() ?? .none)
        let parsed = try OrderRequest(parameters, account: request.caller, market: market)
        try context.limiter.checkRejected(account: request.caller, now: request.receivedAt)
        _ = try context.limiter.chargeOrder(account: request.caller, now: request.receivedAt)
        let outcome = try await context.gateway.execute(
            .cancelReplace(CancelReplace(mode: mode, cancel: cancel, replacement: parsed.order)))
        TradingEndpoints.countRefusal(outcome.events, request.caller, context.limiter)
        return try answer(outcome.events, mode: mode, parsed.responseType, market.names)
    }

    private static func answer(_ events: ArraySlice<Event>, mode: CancelReplaceMode, _ type: NewOrderResponseType,
                               _ market: MarketNames) throws(BinanceError) -> Reply {
        var cancelRefusal: BinanceError?
        var orderRefusal: BinanceError?
        for case .rejected(let rejection) in events {
            switch rejection.stage {
            case .cancel: cancelRefusal = BinanceError(rejection.reason)
            case .newOrder: orderRefusal = BinanceError(rejection.reason)
            case .command: throw BinanceError(rejection.reason)
            }
        }
        let canceled = CanceledOrder.all(in: events).first
        let placed = PlacedOrder(events: events)
        if cancelRefusal == nil, orderRefusal == nil, let canceled, let placed {
            return Reply(CancelReplaceJSON.success(cancel: canceled, newOrder: placed, responseType: type, market: market))
        }
        let cancelResult: Result<CanceledOrder, BinanceError> = if let canceled, cancelRefusal == nil {
            .success(canceled)
        } else {
            .failure(cancelRefusal ?? .unknownOrderSent)
        }
        let newOrder: CancelReplaceJSON.NewOrderOutcome = if let placed, orderRefusal == nil {
            .placed(placed)
        } else if let orderRefusal {
            .failed(orderRefusal)
        } else {
            .notAttempted
        }
        throw CancelReplaceJSON.failure(cancel: cancelResult, newOrder: newOrder, responseType: type, market: market)
    }
}
