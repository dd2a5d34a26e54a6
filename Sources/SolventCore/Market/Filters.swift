/// Binance symbol filters (spec §3.6), as exact integers in the market's units.
/// A zero bound disables that one rule, as on Binance.

/// `PRICE_FILTER`: applies to `price` and `stopPrice`.
public struct PriceFilter: Hashable, Sendable {
    public var minPrice: Price
    public var maxPrice: Price
    public var tickSize: Price

    public init(minPrice: Price, maxPrice: Price, tickSize: Price) {
        self.minPrice = minPrice
        self.maxPrice = maxPrice
        self.tickSize = tickSize
    }
}

/// `LOT_SIZE` (every order) and `MARKET_LOT_SIZE` (MARKET orders): applies to quantities.
public struct LotSizeFilter: Hashable, Sendable {
    public var minQuantity: Quantity
    public var maxQuantity: Quantity
    public var stepSize: Quantity

    public init(minQuantity: Quantity, maxQuantity: Quantity, stepSize: Quantity) {
        self.minQuantity = minQuantity
        self.maxQuantity = maxQuantity
        self.stepSize = stepSize
    }
}

/// `NOTIONAL` (and the older `MIN_NOTIONAL`, which is the same rule without a maximum).
public struct NotionalFilter: Hashable, Sendable {
    public var minNotional: QuoteAmount
    public var maxNotional: QuoteAmount
    public var applyMinToMarket: Bool
    public var applyMaxToMarket: Bool
    public var averagePriceMinutes: Int32

    public init(minNotional: QuoteAmount, maxNotional: QuoteAmount = 0,
                applyMinToMarket: Bool = true, applyMaxToMarket: Bool = false,
                averagePriceMinutes: Int32 = 5) {
        self.minNotional = minNotional
        self.maxNotional = maxNotional
        self.applyMinToMarket = applyMinToMarket
        self.applyMaxToMarket = applyMaxToMarket
        self.averagePriceMinutes = averagePriceMinutes
    }
}

/// `PERCENT_PRICE_BY_SIDE`: a limit price must lie within multipliers of the reference price.
/// Multipliers are fixed point with `PercentPriceBySideFilter.multiplierScale` decimals.
public struct PercentPriceBySideFilter: Hashable, Sendable {
    public static let multiplierScale: Scale = 8

    public var bidMultiplierUp: Int64
    public var bidMultiplierDown: Int64
    public var askMultiplierUp: Int64
    public var askMultiplierDown: Int64
    public var averagePriceMinutes: Int32

    public init(bidMultiplierUp: Int64, bidMultiplierDown: Int64,
                askMultiplierUp: Int64, askMultiplierDown: Int64, averagePriceMinutes: Int32 = 5) {
        self.bidMultiplierUp = bidMultiplierUp
        self.bidMultiplierDown = bidMultiplierDown
        self.askMultiplierUp = askMultiplierUp
        self.askMultiplierDown = askMultiplierDown
        self.averagePriceMinutes = averagePriceMinutes
    }
}

/// The filter names Binance reports in `-1013 Filter failure: <TYPE>`.
public enum FilterType: UInt8, Sendable, CaseIterable {
    case priceFilter, lotSize, marketLotSize, minNotional, notional, maxNumOrders,
         percentPriceBySide, icebergParts

    public var wireName: String {
        switch self {
        case .priceFilter: "PRICE_FILTER"
        case .lotSize: "LOT_SIZE"
        case .marketLotSize: "MARKET_LOT_SIZE"
        case .minNotional: "MIN_NOTIONAL"
        case .notional: "NOTIONAL"
        case .maxNumOrders: "MAX_NUM_ORDERS"
        case .percentPriceBySide: "PERCENT_PRICE_BY_SIDE"
        case .icebergParts: "ICEBERG_PARTS"
        }
    }
}

/// Every filter a market carries; `nil` means the market does not have that filter.
public struct MarketFilters: Hashable, Sendable {
    public var price: PriceFilter
    public var lotSize: LotSizeFilter
    public var marketLotSize: LotSizeFilter?
    /// `MIN_NOTIONAL` when `isLegacyMinNotional`, else `NOTIONAL`.
    public var notional: NotionalFilter?
    public var isLegacyMinNotional: Bool
    public var percentPriceBySide: PercentPriceBySideFilter?
    /// `MAX_NUM_ORDERS`: open orders (stops included) one account may have on the market.
    public var maxNumOrders: Int32
    /// `ICEBERG_PARTS`: at most this many visible tranches, ceil(quantity / icebergQty).
    public var icebergPartsLimit: Int32

    public init(price: PriceFilter, lotSize: LotSizeFilter, marketLotSize: LotSizeFilter? = nil,
                notional: NotionalFilter? = nil, isLegacyMinNotional: Bool = false,
                percentPriceBySide: PercentPriceBySideFilter? = nil,
                maxNumOrders: Int32 = 200, icebergPartsLimit: Int32 = 10) {
        self.price = price
        self.lotSize = lotSize
        self.marketLotSize = marketLotSize
        self.notional = notional
        self.isLegacyMinNotional = isLegacyMinNotional
        self.percentPriceBySide = percentPriceBySide
        self.maxNumOrders = maxNumOrders
        self.icebergPartsLimit = icebergPartsLimit
    }
}
