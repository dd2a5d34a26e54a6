/// A new order's way in: admission, reservation, then waiting for its stop or working at once.
extension Engine {
    @discardableResult
    mutating func placeOrder(_ request: NewOrder, stage: Rejection.Stage) -> OrderId? {
        if let problem = admissionProblem(request) {
            reject(problem, stage: stage)
            return nil
        }
        let m = Int(request.market)
        let mode = request.selfTradePreventionMode ?? markets[m].spec.defaultSelfTradePreventionMode
        let amount: Amount
        switch reservation(for: request, mode: mode) {
        case .success(let value): amount = value
        case .failure(let reason):
            reject(reason, stage: stage)
            return nil
        }
        let asset = reservedAsset(request.side, m)
        guard ledger.balance(request.account, asset).free >= amount else {
            reject(.insufficientBalance, stage: stage)
            return nil
        }
        ledger.lock(request.account, asset, amount)
        touch(request.account, asset)
        let order = accept(request, mode: mode, reserved: amount)
        if order.isPendingTrigger {
            markets[m].stops.insert(order)
        } else {
            work(order, m)
            fireStops(m)
        }
        return order.id
    }

    /// The asset an order of this side locks.
    @inline(__always)
    func reservedAsset(_ side: Side, _ m: Int) -> AssetId {
        side == .buy ? markets[m].spec.quote : markets[m].spec.base
    }

    /// Gives the order its id, registers it as open and reports it NEW.
    private mutating func accept(_ request: NewOrder, mode: SelfTradePreventionMode, reserved: Amount) -> Order {
        let id = counters.nextOrderId
        counters.nextOrderId += 1
        let quantity = request.quantity ?? 0
        let order = Order(
            id: id, clientOrderId: request.clientOrderId, account: request.account, market: request.market,
            side: request.side, type: request.type, timeInForce: request.timeInForce ?? .gtc,
            selfTradePreventionMode: mode, status: .new, expiryReason: .none, price: request.price ?? 0,
            stopPrice: request.stopPrice ?? 0, quantity: quantity,
            quoteOrderQuantity: request.quoteOrderQuantity ?? 0, icebergQuantity: request.icebergQuantity ?? 0,
            executedQuantity: 0, cumulativeQuote: 0, reserved: reserved, visibleQuantity: quantity,
            preventedQuantity: 0, strategyId: request.strategyId, strategyType: request.strategyType,
            createdAt: now, workingTime: request.type.isConditional ? -1 : now, updatedAt: now, isTriggered: false)
        register(order)
        emit(.new, order)
        return order
    }

    /// Takes what liquidity it may, then rests on the book or ends, as its type and time in force say.
    /// `consuming`: the caller hands the order over, so working on it costs no copy.
    mutating func work(_ taker: consuming Order, _ m: Int) {
        if taker.timeInForce == .fok && taker.workingType == .limit && !canFillCompletely(taker, m) {
            return end(&taker, .expired, because: .unfilledFOKOrderExpired)
        }
        switch match(&taker, m) {
        case .takerEnded:
            return  // self-trade prevention has already ended it
        case .filled:
            return close(&taker)
        case .capacityExhausted, .noLiquidity:
            break
        }
        if taker.workingType == .market {
            return end(&taker, .expired, because: .insufficientLiquidity)
        }
        if taker.timeInForce != .gtc {
            return end(&taker, .expired, because: .unfilledIOCQuantityExpired)
        }
        rest(taker, m)
    }

    private mutating func rest(_ resting: consuming Order, _ m: Int) {
        resting.visibleQuantity = resting.icebergQuantity > 0
            ? min(resting.icebergQuantity, resting.remainingQuantity) : resting.remainingQuantity
        assert(resting.visibleQuantity > 0, "an order rests only with quantity left")
        markets[m].book.insert(resting)
    }

    /// FOK: the book holds enough, at acceptable prices, that matching will fill all of it.
    private func canFillCompletely(_ taker: Order, _ m: Int) -> Bool {
        var available: Quantity = 0
        var fillable = false
        markets[m].book.forEach(taker.side.opposite) { maker in
            guard taker.crosses(maker.price) else { return false }
            if maker.account == taker.account && taker.selfTradePreventionMode != .none {
                // EXPIRE_MAKER clears its own orders and goes on; every other mode stops or shrinks the taker.
                return taker.selfTradePreventionMode == .expireMaker
            }
            available += maker.remainingQuantity
            fillable = available >= taker.remainingQuantity
            return !fillable
        }
        return fillable
    }
}

extension Order {
    /// Whether this order, as a taker, may trade at `makerPrice`.
    @inlinable public func crosses(_ makerPrice: Price) -> Bool {
        workingType == .market || !side.isBetter(makerPrice, than: price)
    }

    /// A MARKET order sized by the quote amount (`quoteOrderQty`) instead of a quantity.
    @inlinable public var isQuoteOrder: Bool { quoteOrderQuantity > 0 }
}
