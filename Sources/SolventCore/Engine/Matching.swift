/// The taker's walk through the book, and the settlement of each trade.
extension Engine {
    enum MatchEnd {
        /// The taker has traded all it may.
        case filled
        /// The taker may trade nothing more at the best price (a MARKET order's reservation ran out).
        case capacityExhausted
        /// No (more) acceptable prices on the other side.
        case noLiquidity
        /// Self-trade prevention ended the taker.
        case takerEnded
    }

    mutating func match(_ taker: inout Order, _ m: Int) -> MatchEnd {
        let makerSide = taker.side.opposite
        while true {
            if taker.status == .filled { return .filled }
            guard let best = markets[m].bestPrice(makerSide), taker.crosses(best) else { return .noLiquidity }
            let capacity = takerCapacity(taker, at: best, m)
            guard capacity > 0 else { return .capacityExhausted }
            guard var maker = markets[m].book.updateFront(makerSide, { $0 }) else { return .noLiquidity }
            if maker.account == taker.account && taker.selfTradePreventionMode != .none {
                let takerGoesOn = preventSelfTrade(&taker, &maker, capacity, m)
                putBack(&maker, m)
                if !takerGoesOn { return .takerEnded }
                continue
            }
            trade(&taker, &maker, min(capacity, maker.visibleQuantity), m)
            putBack(&maker, m)
        }
    }

    /// The most the taker may trade with the front order at `price`.
    @inline(__always)
    private func takerCapacity(_ taker: Order, at price: Price, _ m: Int) -> Quantity {
        guard taker.isQuoteOrder else {
            guard taker.workingType == .market && taker.side == .buy else { return taker.remainingQuantity }
            // A MARKET BUY never spends past its reservation, whatever the book did since.
            return min(taker.remainingQuantity, marketQuantity(affordableWith: taker.reserved, at: price, m))
        }
        let budget = taker.quoteOrderQuantity - taker.cumulativeQuote
        let affordable = marketQuantity(affordableWith: budget, at: price, m)
        return taker.side == .sell ? min(affordable, taker.reserved) : affordable
    }

    /// Writes the front maker back after a trade or a prevention: gone when done, to the back of its
    /// level when an iceberg shows a fresh tranche, in place otherwise.
    private mutating func putBack(_ maker: inout Order, _ m: Int) {
        let side = maker.side
        if maker.status == .filled {
            markets[m].book.removeFront(side)
            close(&maker)
        } else if !maker.status.isOpen {
            markets[m].book.removeFront(side)  // ended by self-trade prevention, already closed
        } else if maker.visibleQuantity == 0 {
            maker.visibleQuantity = min(maker.icebergQuantity, maker.remainingQuantity)
            let refreshed = maker
            markets[m].book.updateFront(side) { $0 = refreshed }
            markets[m].book.rotateFront(side)
        } else {
            let updated = maker
            markets[m].book.updateFront(side) { $0 = updated }
        }
    }

    /// One trade at the maker's price: both sides settle, the tape and both orders report it.
    private mutating func trade(_ taker: inout Order, _ maker: inout Order, _ quantity: Quantity, _ m: Int) {
        let price = maker.price
        guard let quote = markets[m].notional.value(price: price, quantity: quantity) else {
            preconditionFailure("admission bounds every trade's value; \(price) × \(quantity) overflowed")
        }
        let tradeId = markets[m].nextTradeId
        markets[m].nextTradeId += 1
        markets[m].lastPrice = price
        markets[m].averagePrice.record(quote: quote, quantity: quantity, at: now)
        let execution = Execution(tradeId: tradeId, price: price, quantity: quantity, quote: quote,
                                  base: markets[m].spec.base, quoteAsset: markets[m].spec.quote)
        let takerFill = settle(&taker, execution, isMaker: false, m)
        let makerFill = settle(&maker, execution, isMaker: true, m)
        let (buyer, seller) = taker.side == .buy ? (taker, maker) : (maker, taker)
        output.append(.trade(Trade(market: MarketId(m), id: tradeId, price: price, quantity: quantity, quote: quote,
                                   buyerOrderId: buyer.id, sellerOrderId: seller.id, buyerAccount: buyer.account,
                                   sellerAccount: seller.account, takerSide: taker.side, time: now)))
        emit(.trade, taker, .fill(takerFill))
        emit(.trade, maker, .fill(makerFill))
    }

    /// What one trade is, shared by both sides' settlement.
    private struct Execution {
        var tradeId: TradeId
        var price: Price
        var quantity: Quantity
        var quote: QuoteAmount
        var base: AssetId
        var quoteAsset: AssetId
    }

    /// Moves one side's money: it pays from its reservation and receives the other asset, less
    /// commission, which goes to the fee account.
    private mutating func settle(_ order: inout Order, _ execution: Execution, isMaker: Bool, _ m: Int) -> Fill {
        let account = order.account
        let fees = ledger.accounts[Int(account)].fees
        let received: Amount, receivedAsset: AssetId
        if order.side == .buy {
            // A limit buy reserved price × quantity at its own limit; a better price returns the difference.
            let release = order.workingType == .market
                ? execution.quote
                : markets[m].notional.value(price: order.price, quantity: execution.quantity) ?? execution.quote
            ledger.debitLocked(account, execution.quoteAsset, execution.quote)
            if release > execution.quote { ledger.unlock(account, execution.quoteAsset, release - execution.quote) }
            order.reserved -= release
            (received, receivedAsset) = (execution.quantity, execution.base)
        } else {
            ledger.debitLocked(account, execution.base, execution.quantity)
            order.reserved -= execution.quantity
            (received, receivedAsset) = (execution.quote, execution.quoteAsset)
        }
        let commission = FeeSchedule.commission(
            on: received, basisPoints: isMaker ? fees.makerBasisPoints : fees.takerBasisPoints)
        ledger.creditFree(account, receivedAsset, received - commission)
        if commission > 0 {
            ledger.creditFree(.feeAccount, receivedAsset, commission)
            touch(.feeAccount, receivedAsset)
        }
        touch(account, execution.base)
        touch(account, execution.quoteAsset)
        record(execution, on: &order, isMaker: isMaker, m)
        return Fill(tradeId: execution.tradeId, price: execution.price, quantity: execution.quantity,
                    quote: execution.quote, commission: commission, commissionAsset: receivedAsset, isMaker: isMaker)
    }

    /// The order's own figures after a fill, and whether that fill completed it.
    private func record(_ execution: Execution, on order: inout Order, isMaker: Bool, _ m: Int) {
        order.executedQuantity += execution.quantity
        order.cumulativeQuote += execution.quote
        order.updatedAt = now
        if isMaker { order.visibleQuantity -= execution.quantity }
        let done: Bool
        if order.isQuoteOrder {
            // Its size is what it has traded so far. It is done once the rest of its budget pays for
            // no whole lot step at the price it just traded at (for a buy, later prices afford less).
            order.quantity = order.executedQuantity
            let budget = order.quoteOrderQuantity - order.cumulativeQuote
            done = marketQuantity(affordableWith: budget, at: execution.price, m) == 0
                || (order.side == .sell && order.reserved == 0)
        } else {
            done = order.remainingQuantity == 0
        }
        order.status = done ? .filled : .partiallyFilled
    }
}
