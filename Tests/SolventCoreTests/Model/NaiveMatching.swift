@testable import SolventCore

/// Placing, matching (price-time priority, trades at the maker's price), self-trade prevention,
/// settlement with fees, and stops firing on the last price.
extension NaiveExchange {
    // MARK: The book, as a view of the open orders

    private func isResting(_ entry: OpenOrder, _ m: Int, _ side: Side) -> Bool {
        entry.order.market == MarketId(m) && entry.order.side == side && !isWaiting(entry.order)
    }

    func isWaiting(_ order: Order) -> Bool { Self.isStop(order.type) && !order.isTriggered }

    private static func ahead(_ a: OpenOrder, _ b: OpenOrder) -> Bool {
        if a.order.price != b.order.price {
            return a.order.side == .buy ? a.order.price > b.order.price : a.order.price < b.order.price
        }
        return a.arrival < b.arrival
    }

    /// One side of a market's book, best first.
    func side(_ m: Int, _ side: Side) -> [Order] {
        open.filter { isResting($0, m, side) }.sorted(by: Self.ahead).map(\.order)
    }

    func bestPrice(_ m: Int, _ side: Side) -> Price? { self.side(m, side).first?.price }

    /// Index in `open` of the order at the front of `side`.
    private func front(_ m: Int, _ side: Side) -> Int? {
        var best: Int?
        for index in open.indices where isResting(open[index], m, side) {
            if best == nil || Self.ahead(open[index], open[best!]) { best = index }
        }
        return best
    }

    func index(of id: OrderId) -> Int? { open.firstIndex { $0.order.id == id } }

    private mutating func rest(_ order: Order) {
        open.append(OpenOrder(order: order, arrival: nextArrival))
        nextArrival += 1
    }

    // MARK: Placing

    mutating func place(_ r: NewOrder, stage: Rejection.Stage) -> Bool {
        if let problem = problem(r) {
            reject(problem, stage: stage)
            return false
        }
        let m = Int(r.market)
        let mode = r.selfTradePreventionMode ?? markets[m].spec.defaultSelfTradePreventionMode
        let amount: Amount
        switch lockAmount(r, mode: mode) {
        case .success(let value): amount = value
        case .failure(let reason):
            reject(reason, stage: stage)
            return false
        }
        let asset = paysWith(r.side, m)
        guard balances[Int(r.account)][Int(asset)].free >= amount else {
            reject(.insufficientBalance, stage: stage)
            return false
        }
        balances[Int(r.account)][Int(asset)].free -= amount
        balances[Int(r.account)][Int(asset)].locked += amount
        touch(r.account, asset)
        let order = Order(
            id: nextOrderId, clientOrderId: r.clientOrderId, account: r.account, market: r.market, side: r.side,
            type: r.type, timeInForce: r.timeInForce ?? .gtc, selfTradePreventionMode: mode, status: .new,
            expiryReason: .none, price: r.price ?? 0, stopPrice: r.stopPrice ?? 0, quantity: r.quantity ?? 0,
            quoteOrderQuantity: r.quoteOrderQuantity ?? 0, icebergQuantity: r.icebergQuantity ?? 0,
            executedQuantity: 0, cumulativeQuote: 0, reserved: amount, visibleQuantity: r.quantity ?? 0,
            preventedQuantity: 0, strategyId: r.strategyId, strategyType: r.strategyType, createdAt: now,
            workingTime: Self.isStop(r.type) ? -1 : now, updatedAt: now, isTriggered: false)
        nextOrderId += 1
        report(.new, order)
        if Self.isStop(r.type) {
            rest(order)  // waits, off the book
        } else {
            work(order)
            fireStops(m)
        }
        return true
    }

    func paysWith(_ side: Side, _ m: Int) -> AssetId {
        side == .buy ? markets[m].spec.quote : markets[m].spec.base
    }

    /// Ends an order that is off the book and reports it.
    mutating func end(_ order: inout Order, _ status: OrderStatus, _ reason: ExpiryReason = .none,
                      canceledBy: ClientOrderId = .none) {
        order.status = status
        order.expiryReason = reason
        order.updatedAt = now
        release(&order)
        report(status == .canceled ? .canceled : .expired, order, canceledBy.isEmpty ? .none : .canceledBy(canceledBy))
    }

    /// Whatever an ended order still locks goes back to free.
    mutating func release(_ order: inout Order) {
        guard order.reserved > 0 else { return }
        let asset = paysWith(order.side, Int(order.market))
        balances[Int(order.account)][Int(asset)].locked -= order.reserved
        balances[Int(order.account)][Int(asset)].free += order.reserved
        touch(order.account, asset)
        order.reserved = 0
    }

    private func worksAsMarket(_ order: Order) -> Bool { order.type == .market || (order.isTriggered && !Self.needsLimitPrice(order.type)) }

    private func accepts(_ taker: Order, _ price: Price) -> Bool {
        worksAsMarket(taker) || (taker.side == .buy ? price <= taker.price : price >= taker.price)
    }

    // MARK: Working an order

    mutating func work(_ order: Order) {
        var taker = order
        let m = Int(taker.market)
        if taker.timeInForce == .fok && !worksAsMarket(taker) && !fillsCompletely(taker, m) {
            return end(&taker, .expired, .unfilledFOKOrderExpired)
        }
        switch match(&taker, m) {
        case .takerEnded: return
        case .filled: return release(&taker)
        case .stuck: break
        }
        if worksAsMarket(taker) { return end(&taker, .expired, .insufficientLiquidity) }
        if taker.timeInForce != .gtc { return end(&taker, .expired, .unfilledIOCQuantityExpired) }
        taker.visibleQuantity = taker.icebergQuantity > 0
            ? min(taker.icebergQuantity, taker.remainingQuantity) : taker.remainingQuantity
        rest(taker)
    }

    /// FOK: enough acceptable liquidity that the whole order fills.
    private func fillsCompletely(_ taker: Order, _ m: Int) -> Bool {
        var available: Quantity = 0
        for maker in side(m, taker.side.opposite) {
            guard accepts(taker, maker.price) else { return false }
            if maker.account == taker.account && taker.selfTradePreventionMode != .none {
                // EXPIRE_MAKER clears its own orders and goes on; any other mode stops or shrinks the taker.
                if taker.selfTradePreventionMode == .expireMaker { continue }
                return false
            }
            available += maker.remainingQuantity
            if available >= taker.remainingQuantity { return true }
        }
        return false
    }

    private enum Outcome { case filled, stuck, takerEnded }

    private mutating func match(_ taker: inout Order, _ m: Int) -> Outcome {
        while taker.status != .filled {
            guard let at = front(m, taker.side.opposite), accepts(taker, open[at].order.price) else { return .stuck }
            let capacity = capacity(taker, at: open[at].order.price, m)
            guard capacity > 0 else { return .stuck }
            var maker = open[at].order
            if maker.account == taker.account && taker.selfTradePreventionMode != .none {
                let goesOn = prevent(&taker, &maker, min(capacity, maker.visibleQuantity), m)
                settleBook(maker, at)
                if !goesOn { return .takerEnded }
            } else {
                trade(&taker, &maker, min(capacity, maker.visibleQuantity), m)
                settleBook(maker, at)
            }
        }
        return .filled
    }

    /// The most the taker may take at `price`: its remaining quantity, or what its quote budget (or a
    /// MARKET BUY's lock) pays for in whole market steps.
    private func capacity(_ taker: Order, at price: Price, _ m: Int) -> Quantity {
        if taker.quoteOrderQuantity > 0 {
            let fits = affordable(m, taker.quoteOrderQuantity - taker.cumulativeQuote, at: price)
            return taker.side == .sell ? min(fits, taker.reserved) : fits
        }
        if worksAsMarket(taker) && taker.side == .buy {
            return min(taker.remainingQuantity, affordable(m, taker.reserved, at: price))
        }
        return taker.remainingQuantity
    }

    /// Writes the maker back after a trade or a prevention.
    private mutating func settleBook(_ maker: Order, _ at: Int) {
        var maker = maker
        if maker.status == .filled {
            open.remove(at: at)
            release(&maker)
        } else if !maker.status.isOpen {
            open.remove(at: at)  // ended by self-trade prevention, already released
        } else if maker.visibleQuantity == 0 {
            // An iceberg shows its next tranche, at the back of its price.
            maker.visibleQuantity = min(maker.icebergQuantity, maker.remainingQuantity)
            open[at] = OpenOrder(order: maker, arrival: nextArrival)
            nextArrival += 1
        } else {
            open[at].order = maker
        }
    }
}
