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
        let market = markets[Int(request.market)]
        if request.side == .sell {
            guard let budget = request.quoteOrderQuantity else { return .success(request.quantity ?? 0) }
            let base = baseToSell(forQuote: budget, market, request.account, mode)
            return base > 0 ? .success(base) : .failure(.insufficientLiquidity)
        }
        if let price = request.price ?? (request.type.isConditional ? request.stopPrice : nil),
           let quantity = request.quantity {
            guard let cost = market.notional.valueRoundedUp(price: price, quantity: quantity) else {
                return .failure(.amountTooLarge)
            }
            return .success(cost)
        }
        if let budget = request.quoteOrderQuantity {
            let best = market.book.bestPrice(.sell)
            guard let best, marketQuantity(affordableWith: budget, at: best, market) > 0 else {
                return .failure(.insufficientLiquidity)
            }
            return .success(budget)
        }
        guard let cost = costToBuy(request.quantity ?? 0, market, request.account, mode) else {
            return .failure(.amountTooLarge)
        }
        return .success(cost)
    }

    /// The quote a MARKET BUY of `quantity` spends at most against the book as it stands.
    func costToBuy(_ quantity: Quantity, _ market: MarketState<Book>, _ account: AccountId,
                   _ mode: SelfTradePreventionMode) -> QuoteAmount? {
        var remaining = quantity
        var cost: Int128 = 0
        market.book.forEach(.sell) { maker in
            if maker.account == account && mode != .none { return true }
            let take = min(remaining, maker.remainingQuantity)
            cost += Int128(maker.price) * Int128(take)
            remaining -= take
            return remaining > 0
        }
        let (whole, rest) = cost.quotientAndRemainder(dividingBy: Int128(market.notional.baseUnitsPerWhole))
        return Int64(exactly: rest > 0 ? whole + 1 : whole)
    }

    /// The base a MARKET SELL must give up to receive `budget` quote against the book as it stands.
    func baseToSell(forQuote budget: QuoteAmount, _ market: MarketState<Book>, _ account: AccountId,
                    _ mode: SelfTradePreventionMode) -> Quantity {
        var remaining = budget
        var base: Quantity = 0
        market.book.forEach(.buy) { maker in
            if maker.account == account && mode != .none { return true }
            let take = min(maker.remainingQuantity, marketQuantity(affordableWith: remaining, at: maker.price, market))
            guard take > 0 else { return false }
            base += take
            remaining -= market.notional.value(price: maker.price, quantity: take) ?? remaining
            return remaining > 0
        }
        return base
    }

    /// How much base `budget` quote pays for at `price`, in whole market lot steps.
    func marketQuantity(affordableWith budget: QuoteAmount, at price: Price, _ market: MarketState<Book>) -> Quantity {
        let step = market.marketStepSize
        let quantity = market.notional.quantity(affordableWith: budget, at: price)
        return quantity - quantity % step
    }
}

extension RejectReason: Error {}
