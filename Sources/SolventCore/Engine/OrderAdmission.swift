/// Whether a new order may enter, checked in this fixed order (the first failure is reported):
///
/// 1. the account and the market exist, the account may trade, the market accepts orders;
/// 1a. the rulings in force in the account's jurisdiction allow the side (`JurisdictionControl`);
/// 2. the market offers the order type, iceberg and quote-quantity features asked for;
/// 3. the parameters form a legal combination for the type (`-1014`);
/// 4. the self-trade prevention mode is allowed on the market;
/// 5. quantities and prices are positive;
/// 6. the filters, in the order PRICE_FILTER, PERCENT_PRICE_BY_SIDE, LOT_SIZE, MARKET_LOT_SIZE,
///    ICEBERG_PARTS, NOTIONAL / MIN_NOTIONAL, MAX_NUM_ORDERS (`-1013`);
/// 7. the client order id is not in use by an open order of the account;
/// 8. a stop would not trigger at once; a LIMIT_MAKER would not take;
/// 9. (in `Reservation`) the account can pay for it.
extension Engine {
    func admissionProblem(_ request: NewOrder) -> RejectReason? {
        guard ledger.contains(request.account) else { return .unknownAccount }
        guard Int(request.market) < markets.count else { return .unknownSymbol }
        // Markets are read in place through `m`, never copied out: a copy retains every buffer it holds.
        let m = Int(request.market)
        guard ledger.accounts[Int(request.account)].mayTrade else { return .tradingDisabled }
        guard markets[m].spec.status.acceptsNewOrders else { return .marketClosed }
        if let problem = jurisdictionProblem(request.account, request.side, m) { return problem }
        if let problem = featureProblem(request, m) ?? compositionProblem(request) { return problem }
        let mode = request.selfTradePreventionMode ?? markets[m].spec.defaultSelfTradePreventionMode
        guard markets[m].selfTradePreventionMask & (1 << mode.rawValue) != 0 else {
            return .selfTradePreventionModeNotAllowed
        }
        if let problem = signProblem(request) ?? filterProblem(request, m) { return problem }
        if !request.clientOrderId.isEmpty,
           clientOrderIds[ClientOrderKey(account: request.account, clientOrderId: request.clientOrderId)] != nil {
            return .duplicateOrder
        }
        return immediacyProblem(request, m)
    }

    private func featureProblem(_ request: NewOrder, _ m: Int) -> RejectReason? {
        guard markets[m].orderTypeMask & (1 << request.type.rawValue) != 0 else {
            return .orderTypeNotSupported(request.type)
        }
        if request.icebergQuantity != nil && !markets[m].spec.icebergAllowed { return .icebergNotSupported }
        if request.quoteOrderQuantity != nil && !markets[m].spec.quoteOrderQtyMarketAllowed {
            return .quoteOrderQtyNotSupported
        }
        return nil
    }

    /// Which parameters each type needs and refuses (spec §3.3).
    private func compositionProblem(_ request: NewOrder) -> RejectReason? {
        let type = request.type
        let needsTimeInForce = type == .limit || type == .stopLossLimit || type == .takeProfitLimit
        guard (request.timeInForce != nil) == needsTimeInForce,
              (request.price != nil) == type.hasLimitPrice,
              (request.stopPrice != nil) == type.isConditional else {
            return .unsupportedOrderComposition
        }
        if type == .market {
            guard (request.quantity != nil) != (request.quoteOrderQuantity != nil) else {
                return .unsupportedOrderComposition
            }
        } else if request.quantity == nil || request.quoteOrderQuantity != nil {
            return .unsupportedOrderComposition
        }
        if let iceberg = request.icebergQuantity {
            guard type.hasLimitPrice, (request.timeInForce ?? .gtc) == .gtc else { return .unsupportedOrderComposition }
            if let quantity = request.quantity, iceberg > quantity { return .icebergExceedsQuantity }
        }
        return nil
    }

    private func signProblem(_ request: NewOrder) -> RejectReason? {
        if let quantity = request.quantity, quantity <= 0 { return .invalidQuantity }
        if let quote = request.quoteOrderQuantity, quote <= 0 { return .invalidQuantity }
        if let iceberg = request.icebergQuantity, iceberg <= 0 { return .invalidQuantity }
        if let price = request.price, price <= 0 { return .invalidPrice }
        if let stop = request.stopPrice, stop <= 0 { return .invalidPrice }
        return nil
    }

    private func immediacyProblem(_ request: NewOrder, _ m: Int) -> RejectReason? {
        if let stop = request.stopPrice,
           StopOrders.wouldFire(request.side, request.type, stopPrice: stop, lastPrice: markets[m].lastPrice) {
            return .wouldTriggerImmediately
        }
        if request.type == .limitMaker, let price = request.price,
           let opposite = markets[m].book.bestPrice(request.side.opposite),
           !request.side.isBetter(opposite, than: price) {
            return .wouldMatchAndTake
        }
        return nil
    }
}
