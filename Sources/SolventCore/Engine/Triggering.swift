/// Conditional orders come alive when the last trade price reaches their stop. A fired order may
/// trade and move the price again, firing more: the loop runs until nothing fires, and ends because
/// each waiting order fires at most once.
extension Engine {
    mutating func fireStops(_ m: Int) {
        // Most markets have no stops most of the time; skip the loop's Order copies then.
        if markets[m].stops.count == 0 { return }
        // The price is read into a local first: reading `self` inside the mutating call's argument
        // list made the compiler copy the whole engine on every call.
        while true {
            let lastPrice = markets[m].lastPrice
            guard let order = markets[m].stops.popFired(lastPrice: lastPrice) else { return }
            activate(order, m)
        }
    }

    private mutating func activate(_ waiting: Order, _ m: Int) {
        var order = waiting
        order.isTriggered = true
        order.workingTime = now
        order.updatedAt = now
        if order.side == .buy && order.workingType == .market && !reserveMarketBuy(&order, m) {
            return end(&order, .expired, because: .insufficientBalance)
        }
        emit(.new, order)
        work(order, m)
    }

    /// A fired STOP_LOSS / TAKE_PROFIT BUY swaps its stop-price reservation for the cost of the book
    /// as it now stands; `false` if the account cannot cover that.
    private mutating func reserveMarketBuy(_ order: inout Order, _ m: Int) -> Bool {
        let asset = markets[m].spec.quote
        ledger.unlock(order.account, asset, order.reserved)
        order.reserved = 0
        touch(order.account, asset)
        guard let cost = costToBuy(order.remainingQuantity, m, order.account, order.selfTradePreventionMode),
              ledger.balance(order.account, asset).free >= cost else {
            return false
        }
        ledger.lock(order.account, asset, cost)
        order.reserved = cost
        return true
    }
}
