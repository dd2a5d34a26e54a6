/// The symbol filters of spec §3.6, in exact integer arithmetic.
extension Engine {
    func filterProblem(_ request: NewOrder, _ m: Int) -> RejectReason? {
        // The filters are read in place, a field at a time: copying the whole `MarketFilters` out
        // (optionals and all) cost more than every check below together.
        // Checked one by one rather than over an array: this runs for every order and must not allocate.
        let priceFilter = markets[m].spec.filters.price, lotSize = markets[m].spec.filters.lotSize
        if let price = request.price, !priceFilter.admits(price) { return .filterFailure(.priceFilter) }
        if let stop = request.stopPrice, !priceFilter.admits(stop) { return .filterFailure(.priceFilter) }
        if let price = request.price, let band = markets[m].spec.filters.percentPriceBySide,
           let reference = markets[m].referencePrice(at: now), !band.admits(price, side: request.side, reference: reference) {
            return .filterFailure(.percentPriceBySide)
        }
        if let quantity = request.quantity, !lotSize.admits(quantity) { return .filterFailure(.lotSize) }
        if let iceberg = request.icebergQuantity, !lotSize.admits(iceberg) { return .filterFailure(.lotSize) }
        let worksAsMarket = !request.type.hasLimitPrice
        if worksAsMarket, let lot = markets[m].spec.filters.marketLotSize, let quantity = request.quantity,
           !lot.admits(quantity) {
            return .filterFailure(.marketLotSize)
        }
        if let iceberg = request.icebergQuantity, let quantity = request.quantity,
           (quantity + iceberg - 1) / iceberg > Int64(markets[m].spec.filters.icebergPartsLimit) {
            return .filterFailure(.icebergParts)
        }
        if let problem = notionalProblem(request, m) { return problem }
        let maxNumOrders = markets[m].spec.filters.maxNumOrders
        if maxNumOrders > 0, openOrderCounts[request.account, request.market] >= maxNumOrders {
            return .filterFailure(.maxNumOrders)
        }
        return nil
    }

    private func notionalProblem(_ request: NewOrder, _ m: Int) -> RejectReason? {
        let worksAsMarket = !request.type.hasLimitPrice
        let value: QuoteAmount
        if let quote = request.quoteOrderQuantity {
            value = quote
        } else if let quantity = request.quantity {
            // A market-working order is valued at the reference price; with none yet, it is not checked.
            guard let price = worksAsMarket ? markets[m].referencePrice(at: now) : request.price else { return nil }
            guard let product = markets[m].notional.value(price: price, quantity: quantity) else { return .amountTooLarge }
            if product <= 0 && !worksAsMarket { return .zeroNotional }
            value = product
        } else {
            return nil
        }
        guard let filter = markets[m].spec.filters.notional else { return nil }
        let failure = RejectReason.filterFailure(markets[m].spec.filters.isLegacyMinNotional ? .minNotional : .notional)
        if filter.minNotional > 0 && (!worksAsMarket || filter.applyMinToMarket) && value < filter.minNotional {
            return failure
        }
        if filter.maxNotional > 0 && (!worksAsMarket || filter.applyMaxToMarket) && value > filter.maxNotional {
            return failure
        }
        return nil
    }
}

extension PriceFilter {
    /// Each rule is off when its bound is 0.
    public func admits(_ price: Price) -> Bool {
        (minPrice == 0 || price >= minPrice) && (maxPrice == 0 || price <= maxPrice)
            && (tickSize == 0 || price % tickSize == 0)
    }
}

extension LotSizeFilter {
    public func admits(_ quantity: Quantity) -> Bool {
        quantity >= minQuantity && (maxQuantity == 0 || quantity <= maxQuantity)
            && (stepSize == 0 || quantity % stepSize == 0)
    }
}

extension PercentPriceBySideFilter {
    /// `reference × down ≤ price ≤ reference × up`, with the side's multipliers.
    public func admits(_ price: Price, side: Side, reference: Price) -> Bool {
        let up = side == .buy ? bidMultiplierUp : askMultiplierUp
        let down = side == .buy ? bidMultiplierDown : askMultiplierDown
        let scaled = Int128(price) * Int128(unitsPerWhole(Self.multiplierScale))
        return scaled >= Int128(reference) * Int128(down) && scaled <= Int128(reference) * Int128(up)
    }
}
