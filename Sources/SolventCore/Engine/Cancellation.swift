/// Canceling one order, all of an account's orders on a market, and cancel-replace.
extension Engine {
    @discardableResult
    mutating func cancelOrder(_ request: CancelOrder, stage: Rejection.Stage) -> Bool {
        if let problem = cancelProblem(request.account, request.market) {
            reject(problem, stage: stage)
            return false
        }
        let m = Int(request.market)
        // Only the id and status are read before the order is taken off: the order itself is copied
        // out of the book once, by `takeOff`, not also by the lookup.
        guard let found = findOpenOrderStatus(request.order, request.account, m) else {
            reject(.unknownOrder, stage: stage)
            return false
        }
        let (id, status) = found
        switch request.restriction {
        case .onlyNew where status != .new, .onlyPartiallyFilled where status != .partiallyFilled:
            reject(.cancelRestrictionsNotMet, stage: stage)
            return false
        default:
            break
        }
        guard var order = takeOff(id, m) else { preconditionFailure("open order \(id) is neither resting nor waiting") }
        end(&order, .canceled, cancelClientOrderId: request.cancelClientOrderId)
        return true
    }

    mutating func cancelAllOrders(_ account: AccountId, _ market: MarketId) {
        if let problem = cancelProblem(account, market) { return reject(problem, stage: .command) }
        let m = Int(market)
        let ids = openOrderIds(of: account, onMarket: m)
        // Binance answers an empty cancel-all with -2011, and clients map that to "order not found".
        guard !ids.isEmpty else { return reject(.unknownOrder, stage: .command) }
        for id in ids {
            guard var order = takeOff(id, m) else { continue }
            end(&order, .canceled)
        }
    }

    mutating func cancelReplace(_ request: CancelReplace) {
        let cancel = request.cancel
        guard request.replacement.market == cancel.market, request.replacement.account == cancel.account else {
            return reject(.unsupportedOrderComposition, stage: .command)
        }
        guard Int(cancel.market) < markets.count else { return reject(.unknownSymbol, stage: .command) }
        guard markets[Int(cancel.market)].spec.cancelReplaceAllowed else {
            return reject(.cancelReplaceNotSupported, stage: .command)
        }
        let canceled = cancelOrder(cancel, stage: .cancel)
        if canceled || request.mode == .allowFailure {
            placeOrder(request.replacement, stage: .newOrder)
        }
    }

    /// The account's open orders (resting and waiting) on market `m`, oldest id first.
    func openOrderIds(of account: AccountId, onMarket m: Int) -> [OrderId] {
        var ids: [OrderId] = []
        for side in Side.allCases {
            markets[m].book.forEach(side) { order in
                if order.account == account { ids.append(order.id) }
                return true
            }
        }
        ids += markets[m].stops.all.filter { $0.account == account }.map(\.id)
        return ids.sorted()
    }

    /// Why `account` may not cancel on `market` now, if it may not.
    func cancelProblem(_ account: AccountId, _ market: MarketId) -> RejectReason? {
        guard ledger.contains(account) else { return .unknownAccount }
        guard Int(market) < markets.count else { return .unknownSymbol }
        guard ledger.accounts[Int(account)].mayTrade else { return .tradingDisabled }
        guard markets[Int(market)].spec.status.acceptsCancels else { return .marketClosed }
        return nil
    }

    /// The account's open order named by `reference` on market `m`. When both an id and a client id
    /// are given they must name the same order.
    func findOpenOrder(_ reference: OrderReference, _ account: AccountId, _ m: Int) -> Order? {
        guard let id = referencedId(reference, account),
              let order = markets[m].openOrder(id), order.account == account else { return nil }
        return order
    }

    /// `findOpenOrder`'s id and status only.
    mutating func findOpenOrderStatus(_ reference: OrderReference, _ account: AccountId, _ m: Int) -> (OrderId, OrderStatus)? {
        guard let id = referencedId(reference, account),
              let found = markets[m].openOrderOwnerAndStatus(id), found.0 == account else { return nil }
        return (id, found.1)
    }

    private func referencedId(_ reference: OrderReference, _ account: AccountId) -> OrderId? {
        let byClientId = reference.clientOrderId.isEmpty ? nil
            : clientOrderIds[ClientOrderKey(account: account, clientOrderId: reference.clientOrderId)]
        guard let id = reference.orderId ?? byClientId else { return nil }
        if !reference.clientOrderId.isEmpty && byClientId != id { return nil }
        return id
    }

    /// Removes an open order from the book or the stop queue.
    @discardableResult
    mutating func takeOff(_ id: OrderId, _ m: Int) -> Order? {
        markets[m].book.remove(id) ?? markets[m].stops.remove(id)
    }
}
