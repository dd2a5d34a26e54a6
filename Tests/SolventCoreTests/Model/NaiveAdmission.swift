@testable import SolventCore

/// Whether a new order may enter (spec §3.3 and §3.6), in the order the README's tour and the
/// engine's documentation give: existence and permissions, features, composition, STP mode, signs,
/// filters, duplicate client id, immediacy; then what it must lock.
extension NaiveExchange {
    func problem(_ r: NewOrder) -> RejectReason? {
        guard Int(r.account) < accounts.count else { return .unknownAccount }
        guard Int(r.market) < markets.count else { return .unknownSymbol }
        let m = Int(r.market), spec = markets[m].spec
        guard accounts[Int(r.account)].canTrade, !accounts[Int(r.account)].frozen else { return .tradingDisabled }
        guard spec.status == .trading else { return .marketClosed }
        if let problem = jurisdictionProblem(r.account, r.side, m) { return problem }
        guard spec.orderTypes.contains(r.type) else { return .orderTypeNotSupported(r.type) }
        if r.icebergQuantity != nil && !spec.icebergAllowed { return .icebergNotSupported }
        if r.quoteOrderQuantity != nil && !spec.quoteOrderQtyMarketAllowed { return .quoteOrderQtyNotSupported }
        if let problem = compositionProblem(r) { return problem }
        guard spec.allowedSelfTradePreventionModes.contains(r.selfTradePreventionMode ?? spec.defaultSelfTradePreventionMode)
        else { return .selfTradePreventionModeNotAllowed }
        if [r.quantity, r.quoteOrderQuantity, r.icebergQuantity].contains(where: { ($0 ?? 1) <= 0 }) { return .invalidQuantity }
        if [r.price, r.stopPrice].contains(where: { ($0 ?? 1) <= 0 }) { return .invalidPrice }
        if let problem = filterProblem(r, m) { return problem }
        if !r.clientOrderId.isEmpty,
           open.contains(where: { $0.order.account == r.account && $0.order.clientOrderId == r.clientOrderId }) {
            return .duplicateOrder
        }
        if let stop = r.stopPrice, Self.fires(r.side, r.type, stop: stop, last: markets[m].lastPrice) {
            return .wouldTriggerImmediately
        }
        if r.type == .limitMaker, let price = r.price, let best = bestPrice(m, r.side == .buy ? .sell : .buy),
           r.side == .buy ? best <= price : best >= price {
            return .wouldMatchAndTake
        }
        return nil
    }

    static func needsLimitPrice(_ type: OrderType) -> Bool {
        [.limit, .limitMaker, .stopLossLimit, .takeProfitLimit].contains(type)
    }

    static func isStop(_ type: OrderType) -> Bool {
        [.stopLoss, .stopLossLimit, .takeProfit, .takeProfitLimit].contains(type)
    }

    /// Stop above the market for STOP_LOSS BUY and TAKE_PROFIT SELL (they fire as the price rises).
    static func firesOnRise(_ side: Side, _ type: OrderType) -> Bool {
        (type == .stopLoss || type == .stopLossLimit) == (side == .buy)
    }

    static func fires(_ side: Side, _ type: OrderType, stop: Price, last: Price) -> Bool {
        last > 0 && (firesOnRise(side, type) ? last >= stop : last <= stop)
    }

    /// The table of required parameters per type (spec §3.3).
    private func compositionProblem(_ r: NewOrder) -> RejectReason? {
        let needsTimeInForce = [.limit, .stopLossLimit, .takeProfitLimit].contains(r.type)
        guard (r.timeInForce != nil) == needsTimeInForce, (r.price != nil) == Self.needsLimitPrice(r.type),
              (r.stopPrice != nil) == Self.isStop(r.type) else { return .unsupportedOrderComposition }
        if r.type == .market {
            if (r.quantity == nil) == (r.quoteOrderQuantity == nil) { return .unsupportedOrderComposition }
        } else if r.quantity == nil || r.quoteOrderQuantity != nil {
            return .unsupportedOrderComposition
        }
        if let iceberg = r.icebergQuantity {
            // Iceberg only with GTC, on a type with a limit price.
            if !Self.needsLimitPrice(r.type) || (r.timeInForce ?? .gtc) != .gtc { return .unsupportedOrderComposition }
            if let quantity = r.quantity, iceberg > quantity { return .icebergExceedsQuantity }
        }
        return nil
    }

    private func filterProblem(_ r: NewOrder, _ m: Int) -> RejectReason? {
        let filters = markets[m].spec.filters
        let priceOK = { (p: Price) in
            (filters.price.minPrice == 0 || p >= filters.price.minPrice) && (filters.price.maxPrice == 0 || p <= filters.price.maxPrice)
                && (filters.price.tickSize == 0 || p % filters.price.tickSize == 0)
        }
        let lotOK = { (lot: LotSizeFilter, q: Quantity) in
            q >= lot.minQuantity && (lot.maxQuantity == 0 || q <= lot.maxQuantity) && (lot.stepSize == 0 || q % lot.stepSize == 0)
        }
        if let price = r.price, !priceOK(price) { return .filterFailure(.priceFilter) }
        if let stop = r.stopPrice, !priceOK(stop) { return .filterFailure(.priceFilter) }
        if let price = r.price, let band = filters.percentPriceBySide, let reference = referencePrice(m) {
            let (up, down) = r.side == .buy ? (band.bidMultiplierUp, band.bidMultiplierDown)
                : (band.askMultiplierUp, band.askMultiplierDown)
            let scaled = Int128(price) * 100_000_000
            if scaled < Int128(reference) * Int128(down) || scaled > Int128(reference) * Int128(up) {
                return .filterFailure(.percentPriceBySide)
            }
        }
        if let quantity = r.quantity, !lotOK(filters.lotSize, quantity) { return .filterFailure(.lotSize) }
        if let iceberg = r.icebergQuantity, !lotOK(filters.lotSize, iceberg) { return .filterFailure(.lotSize) }
        let asMarket = !Self.needsLimitPrice(r.type)
        if asMarket, let lot = filters.marketLotSize, let quantity = r.quantity, !lotOK(lot, quantity) {
            return .filterFailure(.marketLotSize)
        }
        if let iceberg = r.icebergQuantity, let quantity = r.quantity,
           (quantity + iceberg - 1) / iceberg > Int64(filters.icebergPartsLimit) {
            return .filterFailure(.icebergParts)
        }
        if let problem = notionalProblem(r, m, asMarket: asMarket) { return problem }
        if filters.maxNumOrders > 0,
           open.count(where: { $0.order.account == r.account && $0.order.market == r.market }) >= filters.maxNumOrders {
            return .filterFailure(.maxNumOrders)
        }
        return nil
    }

    private func notionalProblem(_ r: NewOrder, _ m: Int, asMarket: Bool) -> RejectReason? {
        var worth: QuoteAmount
        if let quote = r.quoteOrderQuantity {
            worth = quote
        } else if let quantity = r.quantity {
            // An order that works as MARKET is valued at the reference price; with none, not at all.
            guard let price = asMarket ? referencePrice(m) : r.price else { return nil }
            guard let product = value(m, price, quantity) else { return .amountTooLarge }
            if product <= 0 && !asMarket { return .zeroNotional }
            worth = product
        } else {
            return nil
        }
        guard let filter = markets[m].spec.filters.notional else { return nil }
        let failure = RejectReason.filterFailure(markets[m].spec.filters.isLegacyMinNotional ? .minNotional : .notional)
        if filter.minNotional > 0 && (!asMarket || filter.applyMinToMarket) && worth < filter.minNotional { return failure }
        if filter.maxNotional > 0 && (!asMarket || filter.applyMaxToMarket) && worth > filter.maxNotional { return failure }
        return nil
    }

    // MARK: What an order locks

    /// The amount the order must lock, in the asset its side pays with.
    func lockAmount(_ r: NewOrder, mode: SelfTradePreventionMode) -> Result<Amount, RejectReason> {
        let m = Int(r.market)
        if r.side == .sell {
            guard let budget = r.quoteOrderQuantity else { return .success(r.quantity!) }
            let base = baseToSell(m, budget, r.account, mode)
            return base > 0 ? .success(base) : .failure(.insufficientLiquidity)
        }
        if let quantity = r.quantity, let price = r.price ?? r.stopPrice {
            // A limit buy locks at its limit; a STOP_LOSS / TAKE_PROFIT BUY at its stop until it fires.
            guard let cost = valueUp(m, price, quantity) else { return .failure(.amountTooLarge) }
            return .success(cost)
        }
        if let budget = r.quoteOrderQuantity {
            guard let best = bestPrice(m, .sell), affordable(m, budget, at: best) > 0 else {
                return .failure(.insufficientLiquidity)
            }
            return .success(budget)
        }
        guard let cost = costToBuy(m, r.quantity!, r.account, mode) else { return .failure(.amountTooLarge) }
        return .success(cost)
    }

    /// What walking the asks for `quantity` costs at most; the account's own orders are skipped when
    /// self-trade prevention would keep it from trading with them.
    func costToBuy(_ m: Int, _ quantity: Quantity, _ account: AccountId, _ mode: SelfTradePreventionMode) -> QuoteAmount? {
        var left = quantity
        var cost: Int128 = 0
        for maker in side(m, .sell) where left > 0 {
            if maker.account == account && mode != .none { continue }
            let take = min(left, maker.remainingQuantity)
            cost += Int128(maker.price) * Int128(take)
            left -= take
        }
        let unit = Int128(markets[m].baseUnit)
        return Int64(exactly: (cost + unit - 1) / unit)
    }

    /// The base a MARKET SELL by quote amount gives up to receive `budget` from the bids.
    func baseToSell(_ m: Int, _ budget: QuoteAmount, _ account: AccountId, _ mode: SelfTradePreventionMode) -> Quantity {
        var left = budget
        var base: Quantity = 0
        for maker in side(m, .buy) where left > 0 {
            if maker.account == account && mode != .none { continue }
            let take = min(maker.remainingQuantity, affordable(m, left, at: maker.price))
            if take <= 0 { break }
            base += take
            left -= value(m, maker.price, take) ?? left
        }
        return base
    }
}
