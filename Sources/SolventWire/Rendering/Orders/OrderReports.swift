import SolventCore

/// What a placement response shows: the order as the command left it and the fills it made.
public struct PlacedOrder: Sendable, Hashable {
    public var order: Order
    /// The fills made while the command ran, oldest first (`fills[]` of a FULL response).
    public var fills: [Fill]
    /// Engine time of the command (`transactTime`).
    public var transactTime: Timestamp
    /// Id of the last self-trade prevention the order met, if any (`preventedMatchId`).
    public var preventedMatchId: Int64?

    public init(order: Order, fills: [Fill] = [], transactTime: Timestamp, preventedMatchId: Int64? = nil) {
        self.order = order
        self.fills = fills
        self.transactTime = transactTime
        self.preventedMatchId = preventedMatchId
    }

    /// The placement among one command's events: the order of the first NEW execution (the
    /// engine reports the new order before anything it triggers, and a cancelReplace reports its
    /// cancel with another execution type), updated by every later event about the same order.
    /// `nil` when no order was accepted.
    public init?(events: some Sequence<Event>) {
        var placed: PlacedOrder?
        for case .order(let event) in events {
            if placed == nil, event.execution == .new {
                placed = PlacedOrder(order: event.order, transactTime: event.time)
            }
            guard placed?.order.id == event.order.id else { continue }
            placed?.order = event.order
            if event.execution == .trade { placed?.fills.append(event.fill) }
            if event.execution == .tradePrevention { placed?.preventedMatchId = event.prevented.id }
        }
        guard let placed else { return nil }
        self = placed
    }
}

/// What a cancel response shows: the order after the cancel and the cancel's own client id.
public struct CanceledOrder: Sendable, Hashable {
    public var order: Order
    /// `newClientOrderId` of the cancel request (or the one generated for it): the response's
    /// `clientOrderId`, while the order's own id becomes `origClientOrderId`.
    public var cancelClientOrderId: ClientOrderId
    public var transactTime: Timestamp

    public init(order: Order, cancelClientOrderId: ClientOrderId, transactTime: Timestamp) {
        self.order = order
        self.cancelClientOrderId = cancelClientOrderId
        self.transactTime = transactTime
    }

    /// Every order a command canceled, in the engine's order (one for a cancel, several for
    /// cancel-all). Expiries by self-trade prevention are not cancels and are left out.
    public static func all(in events: some Sequence<Event>) -> [CanceledOrder] {
        var result: [CanceledOrder] = []
        for case .order(let event) in events where event.execution == .canceled {
            result.append(CanceledOrder(order: event.order, cancelClientOrderId: event.cancelClientOrderId,
                                        transactTime: event.time))
        }
        return result
    }
}
