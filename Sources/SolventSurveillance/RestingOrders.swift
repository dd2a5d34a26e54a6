import SolventCore

/// How much each account rests on each side of each market, kept from the order events (every
/// order event carries the order after its change). Bounded by the book itself: an order leaves
/// when it is no longer open.
struct RestingOrders: Sendable {
    private struct Key: Hashable {
        var account: AccountId
        var market: MarketId
    }

    private var remaining: [OrderId: (key: Key, side: Side, quantity: Quantity)] = [:]
    private var totals: [Key: (buy: Quantity, sell: Quantity)] = [:]

    mutating func update(_ order: Order) {
        let key = Key(account: order.account, market: order.market)
        if let old = remaining.removeValue(forKey: order.id) { add(old.key, old.side, -old.quantity) }
        guard order.status.isOpen, !order.isPendingTrigger, order.remainingQuantity > 0 else { return }
        remaining[order.id] = (key, order.side, order.remainingQuantity)
        add(key, order.side, order.remainingQuantity)
    }

    /// What `account` rests on `side` of `market` now.
    func quantity(_ account: AccountId, _ market: MarketId, _ side: Side) -> Quantity {
        let total = totals[Key(account: account, market: market)]
        return (side == .buy ? total?.buy : total?.sell) ?? 0
    }

    private mutating func add(_ key: Key, _ side: Side, _ quantity: Quantity) {
        var total = totals[key] ?? (0, 0)
        if side == .buy { total.buy += quantity } else { total.sell += quantity }
        assert(total.buy >= 0 && total.sell >= 0, "resting quantities never go negative")
        totals[key] = total.buy == 0 && total.sell == 0 ? nil : total
    }
}
