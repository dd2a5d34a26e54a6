import SolventCore
import SolventWire

/// A new market from the admin surface's parameters: symbol, baseAsset, quoteAsset, tickSize,
/// stepSize (decimals), optional minQty, maxQty, minNotional. The engine checks the rest
/// (tick × step must be a whole number of quote units).
enum MarketRequest {
    static func spec(_ parameters: RequestParameters, _ operations: AdminOperations) throws(BinanceError) -> MarketSpec {
        let (base, baseSpec) = try operations.asset(named: try parameters.required("baseAsset"))
        let (quote, quoteSpec) = try operations.asset(named: try parameters.required("quoteAsset"))
        guard let tick = try parameters.decimal("tickSize", scale: quoteSpec.scale), tick > 0 else {
            throw .mandatoryParameter("tickSize")
        }
        guard let step = try parameters.decimal("stepSize", scale: baseSpec.scale), step > 0 else {
            throw .mandatoryParameter("stepSize")
        }
        let minQuantity = try parameters.decimal("minQty", scale: baseSpec.scale) ?? step
        let maxQuantity = try parameters.decimal("maxQty", scale: baseSpec.scale) ?? step * 1_000_000_000
        let minNotional = try parameters.decimal("minNotional", scale: quoteSpec.scale) ?? 0
        let filters = MarketFilters(
            price: PriceFilter(minPrice: tick, maxPrice: 0, tickSize: tick),
            lotSize: LotSizeFilter(minQuantity: minQuantity, maxQuantity: maxQuantity, stepSize: step),
            notional: minNotional > 0 ? NotionalFilter(minNotional: minNotional) : nil)
        return MarketSpec(symbol: try parameters.required("symbol"), base: base, quote: quote, filters: filters)
    }
}
