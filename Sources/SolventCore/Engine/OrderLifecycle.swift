/// Opening and closing the books on an order: registration, the end of its life, and the release
/// of whatever it still has locked.
extension Engine {
    mutating func register(_ order: Order) {
        openOrderCounts.increment(order.account, order.market)
        if !order.clientOrderId.isEmpty {
            clientOrderIds[ClientOrderKey(account: order.account, clientOrderId: order.clientOrderId)] = order.id
        }
    }

    /// Ends an open order with `status` and reports it.
    mutating func end(_ order: inout Order, _ status: OrderStatus, because reason: ExpiryReason = .none,
                      cancelClientOrderId: ClientOrderId = .none) {
        assert(order.status.canBecome(status), "illegal transition \(order.status) → \(status)")
        order.status = status
        order.expiryReason = reason
        order.updatedAt = now
        close(&order)
        emit(status == .canceled ? .canceled : .expired, order,
             cancelClientOrderId.isEmpty ? .none : .canceledBy(cancelClientOrderId))
    }

    /// The order no longer counts as open: its reservation returns to free and its ids are released.
    /// The caller has already taken it off the book or the stop queue (or never put it there).
    mutating func close(_ order: inout Order) {
        assert(!order.status.isOpen, "closing an order that is still \(order.status)")
        if order.reserved > 0 {
            let asset = reservedAsset(order.side, Int(order.market))
            ledger.unlock(order.account, asset, order.reserved)
            touch(order.account, asset)
            order.reserved = 0
        }
        openOrderCounts.decrement(order.account, order.market)
        if !order.clientOrderId.isEmpty {
            clientOrderIds[ClientOrderKey(account: order.account, clientOrderId: order.clientOrderId)] = nil
        }
    }
}
