@testable import SolventCore

/// One trade and its settlement, self-trade prevention, and stops firing.
extension NaiveExchange {
    mutating func trade(_ taker: inout Order, _ maker: inout Order, _ quantity: Quantity, _ m: Int) {
        let price = maker.price
        let quote = value(m, price, quantity)!
        let id = markets[m].nextTradeId
        markets[m].nextTradeId += 1
        markets[m].lastPrice = price
        let minute = now / 60_000
        markets[m].recentTrades.removeAll { $0.minute < minute - 1_000 }  // long out of any window
        markets[m].recentTrades.append((minute, quote, quantity))
        let takerFill = settle(&taker, id, price, quantity, quote, isMaker: false, m)
        let makerFill = settle(&maker, id, price, quantity, quote, isMaker: true, m)
        let (buyer, seller) = taker.side == .buy ? (taker, maker) : (maker, taker)
        events.append(.trade(Trade(market: MarketId(m), id: id, price: price, quantity: quantity, quote: quote,
                                   buyerOrderId: buyer.id, sellerOrderId: seller.id, buyerAccount: buyer.account,
                                   sellerAccount: seller.account, takerSide: taker.side, time: now)))
        report(.trade, taker, .fill(takerFill))
        report(.trade, maker, .fill(makerFill))
    }

    /// The side pays out of its lock and receives the other asset less commission (to account 0).
    private mutating func settle(_ order: inout Order, _ id: TradeId, _ price: Price, _ quantity: Quantity,
                                 _ quote: QuoteAmount, isMaker: Bool, _ m: Int) -> Fill {
        let (base, quoteAsset) = (Int(markets[m].spec.base), Int(markets[m].spec.quote))
        let account = Int(order.account)
        let received: Amount, receivedAsset: Int
        if order.side == .buy {
            // A limit buy locked at its limit; paying less returns the difference to free.
            let lockedForThis = order.type == .market || (order.isTriggered && !Self.needsLimitPrice(order.type))
                ? quote : value(m, order.price, quantity) ?? quote
            balances[account][quoteAsset].locked -= lockedForThis
            balances[account][quoteAsset].free += lockedForThis - quote
            order.reserved -= lockedForThis
            (received, receivedAsset) = (quantity, base)
        } else {
            balances[account][base].locked -= quantity
            order.reserved -= quantity
            (received, receivedAsset) = (quote, quoteAsset)
        }
        let fees = accounts[account].fees
        let commission = Self.commission(received, isMaker ? fees.makerBasisPoints : fees.takerBasisPoints)
        balances[account][receivedAsset].free += received - commission
        if commission > 0 {
            balances[0][receivedAsset].free += commission
            touch(0, AssetId(receivedAsset))
        }
        touch(order.account, AssetId(base))
        touch(order.account, AssetId(quoteAsset))
        order.executedQuantity += quantity
        order.cumulativeQuote += quote
        order.updatedAt = now
        if isMaker { order.visibleQuantity -= quantity }
        if order.quoteOrderQuantity > 0 {
            // Sized by quote: its quantity is what it has bought or sold; done when the rest of the
            // budget buys no whole step at this price (or a sell has given all it locked).
            order.quantity = order.executedQuantity
            let done = affordable(m, order.quoteOrderQuantity - order.cumulativeQuote, at: price) == 0
                || (order.side == .sell && order.reserved == 0)
            order.status = done ? .filled : .partiallyFilled
        } else {
            order.status = order.remainingQuantity == 0 ? .filled : .partiallyFilled
        }
        return Fill(tradeId: id, price: price, quantity: quantity, quote: quote, commission: commission,
                    commissionAsset: AssetId(receivedAsset), isMaker: isMaker)
    }

    // MARK: Self-trade prevention (the taker's mode decides)

    /// Returns whether the taker goes on matching.
    mutating func prevent(_ taker: inout Order, _ maker: inout Order, _ quantity: Quantity, _ m: Int) -> Bool {
        let match = PreventedMatch(id: nextPreventionId, quantity: quantity, price: maker.price,
                                   takerOrderId: taker.id, makerOrderId: maker.id)
        nextPreventionId += 1
        switch taker.selfTradePreventionMode {
        case .expireTaker:
            expireInMatch(&taker, match)
            return false
        case .expireMaker:
            expireInMatch(&maker, match)
            return true
        case .expireBoth:
            expireInMatch(&maker, match)
            expireInMatch(&taker, match)
            return false
        case .decrement where taker.quoteOrderQuantity > 0:
            // No quantity to take off a quote-sized order: it expires as under EXPIRE_TAKER.
            expireInMatch(&taker, match)
            return false
        case .decrement:
            decrement(&maker, match, m)
            decrement(&taker, match, m)
            return taker.status.isOpen
        case .none:
            fatalError("no prevention without a mode")
        }
    }

    private mutating func expireInMatch(_ order: inout Order, _ match: PreventedMatch) {
        order.preventedQuantity += match.quantity
        order.status = .expiredInMatch
        order.expiryReason = .selfTradePrevention
        order.updatedAt = now
        release(&order)
        report(.tradePrevention, order, .prevented(match))
    }

    private mutating func decrement(_ order: inout Order, _ match: PreventedMatch, _ m: Int) {
        if order.remainingQuantity <= match.quantity { return expireInMatch(&order, match) }
        order.preventedQuantity += match.quantity
        order.visibleQuantity = max(0, order.visibleQuantity - match.quantity)
        order.updatedAt = now
        unlockExcess(&order, shrunkBy: match.quantity, m)
        report(.tradePrevention, order, .prevented(match))
    }

    /// After an order can trade `quantity` less, it keeps locked only what the rest needs: a sell its
    /// remaining base, a limit (or waiting stop) buy its remaining quantity at its price, rounded up;
    /// a working MARKET buy keeps its whole lock until it ends.
    mutating func unlockExcess(_ order: inout Order, shrunkBy quantity: Quantity, _ m: Int) {
        let freed: Amount
        if order.side == .sell {
            freed = quantity
        } else if order.isTriggered && !Self.needsLimitPrice(order.type) || order.type == .market {
            freed = 0
        } else {
            let price = Self.needsLimitPrice(order.type) ? order.price : order.stopPrice
            freed = order.reserved - (valueUp(m, price, order.remainingQuantity) ?? order.reserved)
        }
        order.reserved -= freed
        let asset = paysWith(order.side, m)
        balances[Int(order.account)][Int(asset)].locked -= freed
        balances[Int(order.account)][Int(asset)].free += freed
        touch(order.account, asset)
    }

    // MARK: Stops

    /// Fires waiting orders while the last price reaches one: rising stops first (lowest stop, then
    /// oldest), then falling ones (highest stop, then oldest). Each fired order may move the price.
    mutating func fireStops(_ m: Int) {
        while let at = nextToFire(m) {
            var order = open.remove(at: at).order
            order.isTriggered = true
            order.workingTime = now
            order.updatedAt = now
            if order.side == .buy && !Self.needsLimitPrice(order.type) && !relockMarketBuy(&order, m) {
                end(&order, .expired, .insufficientBalance)
                continue
            }
            report(.new, order)
            work(order)
        }
    }

    private func nextToFire(_ m: Int) -> Int? {
        let last = markets[m].lastPrice
        let waiting = open.indices.filter { open[$0].order.market == MarketId(m) && isWaiting(open[$0].order) }
        let fired = waiting.filter { Self.fires(open[$0].order.side, open[$0].order.type, stop: open[$0].order.stopPrice, last: last) }
        let rising = fired.filter { Self.firesOnRise(open[$0].order.side, open[$0].order.type) }
        if let first = rising.min(by: { (open[$0].order.stopPrice, open[$0].order.id) < (open[$1].order.stopPrice, open[$1].order.id) }) {
            return first
        }
        return fired.min { (-open[$0].order.stopPrice, open[$0].order.id) < (-open[$1].order.stopPrice, open[$1].order.id) }
    }

    /// A fired STOP_LOSS / TAKE_PROFIT BUY gives back its stop-price lock and locks what the book
    /// now costs; `false` when the account cannot pay that.
    private mutating func relockMarketBuy(_ order: inout Order, _ m: Int) -> Bool {
        let asset = Int(markets[m].spec.quote), account = Int(order.account)
        balances[account][asset].locked -= order.reserved
        balances[account][asset].free += order.reserved
        order.reserved = 0
        touch(order.account, AssetId(asset))
        guard let cost = costToBuy(m, order.remainingQuantity, order.account, order.selfTradePreventionMode),
              balances[account][asset].free >= cost else { return false }
        balances[account][asset].free -= cost
        balances[account][asset].locked += cost
        order.reserved = cost
        return true
    }
}
