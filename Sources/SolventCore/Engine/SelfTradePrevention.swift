/// What happens when a taker meets a resting order of its own account (spec §4.1). The taker's mode
/// decides; the quantity that would have traded is recorded as prevented on the orders it touches.
///
/// - EXPIRE_TAKER: the taker ends `EXPIRED_IN_MATCH`; the maker stays.
/// - EXPIRE_MAKER: the maker ends `EXPIRED_IN_MATCH`; the taker goes on matching.
/// - EXPIRE_BOTH: both end.
/// - DECREMENT: both lose the prevented quantity; whichever has nothing left ends (both when equal).
///   A MARKET order sized by quote amount has no quantity to lose, so it expires as under EXPIRE_TAKER.
extension Engine {
    /// Returns whether the taker goes on matching.
    mutating func preventSelfTrade(_ taker: inout Order, _ maker: inout Order, _ capacity: Quantity, _ m: Int) -> Bool {
        let quantity = min(capacity, maker.visibleQuantity)
        let match = PreventedMatch(id: counters.nextPreventedMatchId, quantity: quantity, price: maker.price,
                                   takerOrderId: taker.id, makerOrderId: maker.id)
        counters.nextPreventedMatchId += 1
        var mode = taker.selfTradePreventionMode
        if mode == .decrement && taker.isQuoteOrder { mode = .expireTaker }
        switch mode {
        case .expireTaker:
            expire(&taker, preventing: match)
            return false
        case .expireMaker:
            expire(&maker, preventing: match)
            return true
        case .expireBoth:
            expire(&maker, preventing: match)
            expire(&taker, preventing: match)
            return false
        case .decrement:
            decrement(&maker, preventing: match, m)
            decrement(&taker, preventing: match, m)
            return taker.status.isOpen
        case .none:
            preconditionFailure("matching does not call prevention for mode NONE")
        }
    }

    private mutating func expire(_ order: inout Order, preventing match: PreventedMatch) {
        order.preventedQuantity += match.quantity
        order.status = .expiredInMatch
        order.expiryReason = .selfTradePrevention
        order.updatedAt = now
        close(&order)
        emit(.tradePrevention, order, .prevented(match))
    }

    /// Takes the prevented quantity off the order (and off what it locks), ending it if nothing is left.
    private mutating func decrement(_ order: inout Order, preventing match: PreventedMatch, _ m: Int) {
        if order.remainingQuantity <= match.quantity {
            return expire(&order, preventing: match)
        }
        order.preventedQuantity += match.quantity
        order.visibleQuantity = max(0, order.visibleQuantity - match.quantity)
        order.updatedAt = now
        let freed = reservationShrink(of: order, by: match.quantity, m)
        order.reserved -= freed
        ledger.unlock(order.account, reservedAsset(order.side, m), freed)
        touch(order.account, reservedAsset(order.side, m))
        emit(.tradePrevention, order, .prevented(match))
    }

    /// How much of its reservation an order no longer needs once `quantity` less of it can trade.
    /// A MARKET BUY keeps its whole reservation until it ends, when the rest is returned.
    func reservationShrink(of order: Order, by quantity: Quantity, _ m: Int) -> Amount {
        if order.side == .sell { return quantity }
        if order.workingType == .market && !order.isPendingTrigger { return 0 }
        let price = order.type.hasLimitPrice ? order.price : order.stopPrice
        let needed = markets[m].notional.valueRoundedUp(price: price, quantity: order.remainingQuantity) ?? order.reserved
        return order.reserved - needed
    }
}
