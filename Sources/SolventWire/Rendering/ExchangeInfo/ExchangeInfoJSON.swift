import SolventCore

/// A listed market with the specs of its two assets: what one `symbols[]` entry is built from.
public struct ListedMarket: Sendable, Hashable {
    public var spec: MarketSpec
    public var base: AssetSpec
    public var quote: AssetSpec

    public init(spec: MarketSpec, base: AssetSpec, quote: AssetSpec) {
        self.spec = spec
        self.base = base
        self.quote = quote
    }

    public var names: MarketNames { MarketNames(spec: spec, base: base, quote: quote) }
}

/// The answer to `GET /api/v3/exchangeInfo` (spec §3.1), every key of the symbol object
/// included. ccxt refuses locally to send an order type missing from `orderTypes`, and needs
/// `PRICE_FILTER` and `LOT_SIZE` on every symbol to format prices and amounts.
public enum ExchangeInfoJSON {
    /// Binance's order of order types and self-trade prevention modes, used for the arrays.
    static let orderTypeOrder: [OrderType] = [
        .limit, .limitMaker, .market, .stopLoss, .stopLossLimit, .takeProfit, .takeProfitLimit,
    ]
    static let selfTradePreventionOrder: [SelfTradePreventionMode] = [
        .none, .expireTaker, .expireMaker, .expireBoth, .decrement,
    ]

    /// `showPermissionSets: false` empties each `permissionSets`, as Binance does. `permissions`,
    /// one per market, is the signed caller's view (`SymbolPermission`); nil for the public answer.
    public static func render(serverTime: Timestamp, rateLimits: [RateLimit], markets: [ListedMarket],
                              showPermissionSets: Bool = true, permissions: [SymbolPermission]? = nil) -> [UInt8] {
        precondition(permissions.map { $0.count == markets.count } ?? true, "one permission per market")
        var writer = JSONWriter(capacity: 512 + markets.count * 2048)
        writer.beginObject()
        writer.field("timezone", "UTC")
        writer.field("serverTime", serverTime)
        writer.key("rateLimits")
        writer.array { writer in
            for limit in rateLimits { limit.write(to: &writer) }
        }
        writer.key("exchangeFilters")
        writer.array { _ in }
        writer.key("symbols")
        writer.beginArray()
        for (index, market) in markets.enumerated() {
            writeSymbol(market, showPermissionSets: showPermissionSets, permission: permissions?[index], to: &writer)
        }
        writer.endArray()
        writer.endObject()
        return writer.finish()
    }

    public static func writeSymbol(_ market: ListedMarket, showPermissionSets: Bool = true,
                                   permission: SymbolPermission? = nil, to writer: inout JSONWriter) {
        let spec = market.spec, names = market.names
        writer.beginObject()
        writer.field("symbol", spec.symbol)
        writer.field("status", spec.status.wireName)
        writer.field("baseAsset", market.base.name)
        writer.field("baseAssetPrecision", Int64(market.base.scale))
        writer.field("quoteAsset", market.quote.name)
        writer.field("quotePrecision", Int64(market.quote.scale))
        writer.field("quoteAssetPrecision", Int64(market.quote.scale))
        writer.field("baseCommissionPrecision", Int64(market.base.scale))
        writer.field("quoteCommissionPrecision", Int64(market.quote.scale))
        writer.key("orderTypes")
        writer.array { writer in
            for type in orderTypeOrder where spec.orderTypes.contains(type) { writer.string(type.wireName) }
        }
        writeFeatureFlags(spec, spotTradingAllowed: permission.map { $0.buyAllowed || $0.sellAllowed } ?? true, to: &writer)
        writer.key("filters")
        FilterJSON.writeAll(spec.filters, market: names, to: &writer)
        writer.key("permissions")
        writer.array { _ in }
        writer.key("permissionSets")
        writer.array { writer in
            if showPermissionSets { writer.array { $0.string("SPOT") } }
        }
        writer.field("defaultSelfTradePreventionMode", spec.defaultSelfTradePreventionMode.wireName)
        writer.key("allowedSelfTradePreventionModes")
        writer.array { writer in
            for mode in selfTradePreventionOrder where spec.allowedSelfTradePreventionModes.contains(mode) {
                writer.string(mode.wireName)
            }
        }
        permission?.write(to: &writer)
        writer.endObject()
    }

    /// The boolean keys; order lists, trailing stops, pegs and margin are not offered (yet).
    private static func writeFeatureFlags(_ spec: MarketSpec, spotTradingAllowed: Bool, to writer: inout JSONWriter) {
        writer.field("icebergAllowed", spec.icebergAllowed)
        writer.field("ocoAllowed", false)
        writer.field("otoAllowed", false)
        writer.field("opoAllowed", false)
        writer.field("quoteOrderQtyMarketAllowed", spec.quoteOrderQtyMarketAllowed)
        writer.field("allowTrailingStop", false)
        writer.field("cancelReplaceAllowed", spec.cancelReplaceAllowed)
        writer.field("amendAllowed", spec.amendAllowed)
        writer.field("pegInstructionsAllowed", false)
        writer.field("isSpotTradingAllowed", spotTradingAllowed)
        writer.field("isMarginTradingAllowed", false)
    }
}
