import SolventCore
import SolventWire

/// Placing and canceling orders (spec §3.3): parameters become a core command, the sequencer
/// makes it durable, and the answer is built from the events it caused. Placing and the two
/// cancels are one command each, written in the handoff form (`Endpoint(_:_:_:direct:)`): the
/// connection's event loop checks the request and submits the command, and the reply is made
/// when the sequencer hands the outcome back.
enum TradingEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.placeOrder, direct: { request, handoff throws(BinanceError) in
                try place(request, context, handoff)
            }),
            Endpoint(.testOrder) { request throws(BinanceError) in
                try await test(request, context)
            },
            Endpoint(.cancelOrder, direct: { request, handoff throws(BinanceError) in
                try cancel(request, context, handoff)
            }),
            Endpoint(.cancelOpenOrders, direct: { request, handoff throws(BinanceError) in
                try cancelAll(request, context, handoff)
            }),
            Endpoint(.cancelReplace) { request throws(BinanceError) in
                try await CancelReplaceEndpoint.handle(request, context)
            },
        ]
    }

    private static func place(_ request: APIRequest, _ context: ServerContext,
                              _ handoff: @escaping ReplyHandoff) throws(BinanceError) {
        let placement = try OrderPlacement(request, market: try context.market(request.parameters), limiter: context.limiter)
        try submit(placement.command, request, context, handoff) { events throws(BinanceError) in try placement.reply(events) }
    }

    /// Validates like `/order` without touching the book (`{}`, or the commission rates).
    private static func test(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let market = try context.market(request.parameters)
        let order = try OrderRequest(request.parameters, account: request.caller, market: market).order
        if let problem = try await context.gateway.read({ $0.admissionProblem(order) }) { throw BinanceError(problem) }
        guard try request.parameters.bool("computeCommissionRates") == true else { return .empty }
        return Reply(CommissionJSON.orderTest(try await context.fees(of: request.caller)))
    }

    private static func cancel(_ request: APIRequest, _ context: ServerContext,
                               _ handoff: @escaping ReplyHandoff) throws(BinanceError) {
        let parameters = request.parameters
        let market = try context.market(parameters)
        let reference = try parameters.orderReference(idName: "orderId", clientIdName: "origClientOrderId")
        let command = CancelOrder(account: request.caller, market: market.id, order: reference,
                                  cancelClientOrderId: try parameters.clientOrderId("newClientOrderId")
                                      ?? GeneratedClientOrderIds.next(),
                                  restriction: try parameters.cancelRestrictions() ?? .none)
        try submit(.cancelOrder(command), request, context, handoff) { events throws(BinanceError) in
            try rejectIfRefused(events)
            guard let canceled = CanceledOrder.all(in: events).first else { throw .unknownOrderSent }
            return Reply(CancelJSON.render(canceled, market: market.names))
        }
    }

    private static func cancelAll(_ request: APIRequest, _ context: ServerContext,
                                  _ handoff: @escaping ReplyHandoff) throws(BinanceError) {
        let market = try context.market(request.parameters)
        try submit(.cancelAllOrders(request.caller, market.id), request, context, handoff) { events throws(BinanceError) in
            try rejectIfRefused(events)
            return Reply(CancelJSON.renderList(CanceledOrder.all(in: events), market: market.names))
        }
    }

    /// Submits `command` for the caller, unless too many of theirs were refused of late; once it
    /// is durable, `reply` makes the answer from its events.
    private static func submit(_ command: Command, _ request: APIRequest, _ context: ServerContext,
                               _ handoff: @escaping ReplyHandoff,
                               reply: @escaping @Sendable (ArraySlice<Event>) throws(BinanceError) -> Reply)
        throws(BinanceError) {
        let (account, limiter) = (request.caller, context.limiter)
        try limiter.checkRejected(account: account, now: request.receivedAt)
        try context.gateway.submit(command) { outcome in
            if case .success(let outcome) = outcome { countRefusal(outcome.events, account, limiter) }
            handoff(outcome.flatMap { outcome in Result { () throws(BinanceError) in try reply(outcome.events) } })
        }
    }

    /// Counts a command the engine refused against its account (`RateLimits.rejectedPerTenSeconds`).
    static func countRefusal(_ events: ArraySlice<Event>, _ account: AccountId, _ limiter: RateLimiter) {
        guard events.contains(where: { if case .rejected = $0 { true } else { false } }) else { return }
        limiter.noteRejected(account: account, now: ServerClock.milliseconds())
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
