/// A market (Binance "symbol"): what it trades, its filters and the features it allows.
public struct MarketSpec: Hashable, Sendable {
    public var symbol: String
    public var base: AssetId
    public var quote: AssetId
    public var status: MarketStatus
    public var filters: MarketFilters
    public var orderTypes: Set<OrderType>
    public var icebergAllowed: Bool
    public var quoteOrderQtyMarketAllowed: Bool
    public var cancelReplaceAllowed: Bool
    public var amendAllowed: Bool
    public var allowedSelfTradePreventionModes: Set<SelfTradePreventionMode>
    public var defaultSelfTradePreventionMode: SelfTradePreventionMode

    public init(symbol: String, base: AssetId, quote: AssetId, filters: MarketFilters,
                status: MarketStatus = .trading,
                orderTypes: Set<OrderType> = Set(OrderType.allCases),
                icebergAllowed: Bool = true, quoteOrderQtyMarketAllowed: Bool = true,
                cancelReplaceAllowed: Bool = true, amendAllowed: Bool = true,
                allowedSelfTradePreventionModes: Set<SelfTradePreventionMode> =
                    Set(SelfTradePreventionMode.allCases),
                defaultSelfTradePreventionMode: SelfTradePreventionMode = .expireMaker) {
        self.symbol = symbol
        self.base = base
        self.quote = quote
        self.status = status
        self.filters = filters
        self.orderTypes = orderTypes
        self.icebergAllowed = icebergAllowed
        self.quoteOrderQtyMarketAllowed = quoteOrderQtyMarketAllowed
        self.cancelReplaceAllowed = cancelReplaceAllowed
        self.amendAllowed = amendAllowed
        self.allowedSelfTradePreventionModes = allowedSelfTradePreventionModes
        self.defaultSelfTradePreventionMode = defaultSelfTradePreventionMode
    }
}

extension MarketSpec {
    /// Why a spec cannot be listed, or `nil` when it can.
    ///
    /// Tick and step must be positive and tick × step a whole number of quote units, so that the
    /// quote value of every legal (price, quantity) pair is exact: no fill ever rounds.
    public func problem(baseScale: Scale) -> String? {
        let price = filters.price, lot = filters.lotSize
        if symbol.isEmpty || symbol.utf8.count > 20 || !symbol.utf8.allSatisfy(Self.isSymbolByte) {
            return "symbol must be 1...20 characters A-Z and 0-9"
        }
        if base == quote { return "base and quote must differ" }
        if price.tickSize <= 0 || lot.stepSize <= 0 { return "tickSize and stepSize must be positive" }
        if price.minPrice < 0 || price.maxPrice < 0 || lot.minQuantity < 0 || lot.maxQuantity <= 0 {
            return "filter bounds must not be negative, maxQty must be positive"
        }
        if price.minPrice % price.tickSize != 0 || lot.minQuantity % lot.stepSize != 0 {
            return "minPrice and minQty must be multiples of tickSize and stepSize"
        }
        let product = Int128(price.tickSize) * Int128(lot.stepSize)
        if product % Int128(unitsPerWhole(baseScale)) != 0 {
            return "tickSize × stepSize must be a whole number of quote units"
        }
        if let marketLot = filters.marketLotSize, marketLot.stepSize % lot.stepSize != 0 {
            return "MARKET_LOT_SIZE stepSize must be a multiple of LOT_SIZE stepSize"
        }
        if !allowedSelfTradePreventionModes.contains(defaultSelfTradePreventionMode) {
            return "the default self-trade prevention mode must be allowed"
        }
        return nil
    }

    private static func isSymbolByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
