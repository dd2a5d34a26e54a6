import HTTPTypes
import SolventCore
import SolventWire

/// `POST /api/v3/order` on either side of the engine: what runs on the request's loop before the
/// command is sequenced (parameters, the account's order count, the window checked again), and
/// the answer built from the events it caused. The benchmark (`RequestPathBench`) runs the same
/// two halves.
package struct OrderPlacement {
    let market: ResolvedMarket
    package let request: OrderRequest
    let counts: (tenSeconds: Int, day: Int)

    package init(_ request: APIRequest, market: ResolvedMarket, limiter: RateLimiter) throws(BinanceError) {
        self.market = market
        self.request = try OrderRequest(request.parameters, account: request.caller, market: market)
        counts = try limiter.chargeOrder(account: request.caller, now: request.receivedAt)
        try TradingEndpoints.recheckWindow(request)
    }

    private static let tenSecondsField = HTTPField.Name("X-MBX-ORDER-COUNT-10S")!
    private static let dayField = HTTPField.Name("X-MBX-ORDER-COUNT-1D")!

    var command: Command { .placeOrder(request.order) }

    /// The reply to the placement from the command's events: the engine's refusal, or the order
    /// in the size the client asked for, with the order-count headers.
    package func reply(_ events: ArraySlice<Event>) throws(BinanceError) -> Reply {
        try TradingEndpoints.rejectIfRefused(events)
        guard let placed = PlacedOrder(events: events) else { throw .unknown("the order left no report") }
        var reply = Reply(NewOrderJSON.render(placed, as: request.responseType, market: market.names))
        reply.headers = [(Self.tenSecondsField, String(counts.tenSeconds)), (Self.dayField, String(counts.day))]
        return reply
    }
}
