/// Conditional orders (STOP_LOSS*, TAKE_PROFIT*) waiting for the last trade price to reach them.
///
/// Two queues by trigger direction, each sorted so the next order to fire is at the end:
/// - `rising` fires when the last price climbs to the stop (STOP_LOSS BUY, TAKE_PROFIT SELL);
///   lowest stop first, then oldest.
/// - `falling` fires when the last price drops to the stop (STOP_LOSS SELL, TAKE_PROFIT BUY);
///   highest stop first, then oldest.
struct StopOrders: Hashable, Sendable {
    private(set) var rising: [Order] = []
    private(set) var falling: [Order] = []

    var count: Int { rising.count + falling.count }

    /// Fires when the price rises to the stop, rather than falls to it.
    static func firesOnRise(_ side: Side, _ type: OrderType) -> Bool {
        switch type {
        case .stopLoss, .stopLossLimit: side == .buy
        case .takeProfit, .takeProfitLimit: side == .sell
        case .limit, .market, .limitMaker: preconditionFailure("\(type) is not conditional")
        }
    }

    /// Whether an order with this stop would fire at `lastPrice` right away.
    static func wouldFire(_ side: Side, _ type: OrderType, stopPrice: Price, lastPrice: Price) -> Bool {
        guard lastPrice > 0 else { return false }
        return firesOnRise(side, type) ? lastPrice >= stopPrice : lastPrice <= stopPrice
    }

    mutating func insert(_ order: Order) {
        if Self.firesOnRise(order.side, order.type) {
            // Descending by (stop, id): the end holds the lowest stop, oldest first.
            let at = rising.firstIndex { ($0.stopPrice, $0.id) < (order.stopPrice, order.id) } ?? rising.count
            rising.insert(order, at: at)
        } else {
            // Ascending by stop, descending by id: the end holds the highest stop, oldest first.
            let at = falling.firstIndex {
                $0.stopPrice > order.stopPrice || ($0.stopPrice == order.stopPrice && $0.id < order.id)
            } ?? falling.count
            falling.insert(order, at: at)
        }
    }

    func order(_ id: OrderId) -> Order? {
        rising.first { $0.id == id } ?? falling.first { $0.id == id }
    }

    mutating func remove(_ id: OrderId) -> Order? {
        if let at = rising.firstIndex(where: { $0.id == id }) { return rising.remove(at: at) }
        if let at = falling.firstIndex(where: { $0.id == id }) { return falling.remove(at: at) }
        return nil
    }

    /// Replaces a waiting order by one with the same id and stop (an amended quantity).
    mutating func replace(_ order: Order) {
        if let at = rising.firstIndex(where: { $0.id == order.id }) { rising[at] = order }
        if let at = falling.firstIndex(where: { $0.id == order.id }) { falling[at] = order }
    }

    /// Takes the next order the last price has reached, rising queue first.
    mutating func popFired(lastPrice: Price) -> Order? {
        guard lastPrice > 0 else { return nil }
        if let next = rising.last, lastPrice >= next.stopPrice { return rising.removeLast() }
        if let next = falling.last, lastPrice <= next.stopPrice { return falling.removeLast() }
        return nil
    }

    /// Every waiting order, oldest first.
    var all: [Order] { (rising + falling).sorted { $0.id < $1.id } }
}
