import SolventCore
import SolventWire

/// Placing and canceling orders (spec §3.3): parameters become a core command, the sequencer
/// makes it durable, and the answer is built from the events it caused.
enum TradingEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint("POST", "/api/v3/order", .trade) { request throws(BinanceError) in try await place(request, context) },
            Endpoint("POST", "/api/v3/order/test", .trade) { request throws(BinanceError) in
                try await test(request, context)
            },
            Endpoint("DELETE", "/api/v3/order", .trade) { request throws(BinanceError) in
                try await cancel(request, context)
            },
            Endpoint("DELETE", "/api/v3/openOrders", .trade) { request throws(BinanceError) in
                let market = try context.market(request.parameters)
                let outcome = try await context.gateway.execute(.cancelAllOrders(request.caller, market.id))
                try rejectIfRefused(outcome.events)
                return Reply(CancelJSON.renderList(CanceledOrder.all(in: outcome.events), market: market.names))
            },
            Endpoint("POST", "/api/v3/order/cancelReplace", .trade) { request throws(BinanceError) in
                try await CancelReplaceEndpoint.handle(request, context)
            },
        ]
    }

    private static func place(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let placement = try OrderPlacement(request, market: try context.market(request.parameters), limiter: context.limiter)
        let outcome = try await context.gateway.execute(placement.command)
        return try placement.reply(outcome.events)
    }

    /// Validates like `/order` without touching the book (`{}`, or the commission rates).
    private static func test(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let market = try context.market(request.parameters)
        let order = try OrderRequest(request.parameters, account: request.caller, market: market).order
        if let problem = try await context.gateway.read({ $0.admissionProblem(order) }) { throw BinanceError(problem) }
        guard try request.parameters.bool("computeCommissionRates") == true else { return .empty }
        return Reply(CommissionJSON.orderTest(try await context.fees(of: request.caller)))
    }

    private static func cancel(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let market = try context.market(parameters)
        let reference = try orderReference(parameters, idName: "orderId", clientIdName: "origClientOrderId")
        let command = CancelOrder(account: request.caller, market: market.id, order: reference,
                                  cancelClientOrderId: try parameters.clientOrderId("newClientOrderId")
                                      ?? OrderRequest.generatedClientOrderId(),
                                  restriction: try parameters.cancelRestrictions() ?? .none)
        let outcome = try await context.gateway.execute(.cancelOrder(command))
        try rejectIfRefused(outcome.events)
        guard let canceled = CanceledOrder.all(in: outcome.events).first else { throw .unknownOrderSent }
        return Reply(CancelJSON.render(canceled, market: market.names))
    }

    /// `orderId` and/or a client id; at least one (-1102).
    static func orderReference(_ parameters: RequestParameters, idName: String, clientIdName: String)
        throws(BinanceError) -> OrderReference {
        let id = try parameters.int64(idName)
        let clientId = try parameters.clientOrderId(clientIdName)
        guard id != nil || clientId != nil else { throw .eitherParameter(clientIdName, idName) }
        return OrderReference(orderId: id, clientOrderId: clientId ?? .none)
    }

    /// The engine's refusal, if it refused.
    static func rejectIfRefused(_ events: ArraySlice<Event>) throws(BinanceError) {
        for event in events { if case .rejected(let rejection) = event { throw BinanceError(rejection.reason) } }
    }

    /// Spec §2.4: the window is checked again right before the engine.
    static func recheckWindow(_ request: APIRequest) throws(BinanceError) {
        guard let timestamp = try request.parameters.timestampMilliseconds("timestamp") else { return }
        try RequestTiming.check(timestamp: timestamp, recvWindow: try request.parameters.recvWindowMilliseconds(),
                                now: ServerClock.milliseconds())
    }
}
