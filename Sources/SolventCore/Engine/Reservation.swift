/// What an order locks so that it can always pay for what it does:
///
/// | order                              | locks                                            |
/// |------------------------------------|--------------------------------------------------|
/// | any SELL by quantity               | the quantity, in base                            |
/// | MARKET SELL by `quoteOrderQty`     | the base the book needs to pay that quote        |
/// | BUY with a limit price             | price × quantity, in quote                       |
/// | MARKET BUY by `quoteOrderQty`      | that quote amount                                |
/// | MARKET BUY by quantity             | the cost of walking the book for that quantity   |
/// | STOP_LOSS / TAKE_PROFIT BUY        | stop price × quantity until it fires, then as MARKET BUY |
///
/// Walks skip the account's own orders when self-trade prevention is on: those would be expired or
/// decremented rather than traded, so skipping them gives an upper bound on what matching spends.
extension Engine {
    func reservation(for request: NewOrder, mode: SelfTradePreventionMode) -> Result<Amount, RejectReason> {
        let m = Int(request.market)
        if request.side == .sell {
            guard let budget = request.quoteOrderQuantity else { return .success(request.quantity ?? 0) }
            let base = baseToSell(forQuote: budget, m, request.account, mode)
            return base > 0 ? .success(base) : .failure(.insufficientLiquidity)
        }
        if let price = request.price ?? (request.type.isConditional ? request.stopPrice : nil),
           let quantity = request.quantity {
            guard let cost = markets[m].notional.valueRoundedUp(price: price, quantity: quantity) else {
                return .failure(.amountTooLarge)
            }
            return .success(cost)
        }
        if let budget = request.quoteOrderQuantity {
            guard let best = markets[m].book.bestPrice(.sell), marketQuantity(affordableWith: budget, at: best, m) > 0 else {
                return .failure(.insufficientLiquidity)
            }
            return .success(budget)
        }
        guard let cost = costToBuy(request.quantity ?? 0, m, request.account, mode) else {
            return .failure(.amountTooLarge)
        }
        return .success(cost)
    }

    /// The quote a MARKET BUY of `quantity` spends at most against the book as it stands.
    func costToBuy(_ quantity: Quantity, _ m: Int, _ account: AccountId, _ mode: SelfTradePreventionMode) -> QuoteAmount? {
        var remaining = quantity
        var cost: Int128 = 0
        markets[m].book.forEach(.sell) { maker in
            if maker.account == account && mode != .none { return true }
            let take = min(remaining, maker.remainingQuantity)
            cost += Int128(maker.price) * Int128(take)
            remaining -= take
            return remaining > 0
        }
        let (whole, rest) = cost.quotientAndRemainder(dividingBy: Int128(markets[m].notional.baseUnitsPerWhole))
        return Int64(exactly: rest > 0 ? whole + 1 : whole)
    }

    /// The base a MARKET SELL must give up to receive `budget` quote against the book as it stands.
    func baseToSell(forQuote budget: QuoteAmount, _ m: Int, _ account: AccountId,
                    _ mode: SelfTradePreventionMode) -> Quantity {
        let notional = markets[m].notional, step = markets[m].marketStepSize
        var remaining = budget
        var base: Quantity = 0
        markets[m].book.forEach(.buy) { maker in
            if maker.account == account && mode != .none { return true }
            let affordable = notional.quantity(affordableWith: remaining, at: maker.price)
            let take = min(maker.remainingQuantity, affordable - affordable % step)
            guard take > 0 else { return false }
            base += take
            remaining -= notional.value(price: maker.price, quantity: take) ?? remaining
            return remaining > 0
        }
        return base
    }

    /// How much base `budget` quote pays for at `price`, in whole market lot steps.
    @inline(__always)
    func marketQuantity(affordableWith budget: QuoteAmount, at price: Price, _ m: Int) -> Quantity {
        let step = markets[m].marketStepSize
        let quantity = markets[m].notional.quantity(affordableWith: budget, at: price)
        return quantity - quantity % step
    }
}

extension RejectReason: Error {}
