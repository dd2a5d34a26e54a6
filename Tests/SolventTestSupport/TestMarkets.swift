import SolventCore

/// Assets and markets the tests trade, with round numbers so expected figures are easy to read.
///
/// BTC, ETH and USDT at scale 8. BTCUSDT: tick 0.01 USDT, step 0.00001 BTC (tick × step = 1e-7 USDT,
/// a whole number of units). ETHBTC: tick 0.00001 BTC, step 0.001 ETH.
public enum TestMarkets {
    public static let btc: AssetId = 0
    public static let usdt: AssetId = 1
    public static let eth: AssetId = 2
    public static let btcusdt: MarketId = 0
    public static let ethusdt: MarketId = 1
    public static let ethbtc: MarketId = 2

    /// One whole unit of an asset at scale 8.
    public static let one: Int64 = 100_000_000

    /// `whole` units plus `hundredths` (a price in USDT like 50,000.25 = usdt(50_000, 25)).
    public static func usdt(_ whole: Int64, _ hundredths: Int64 = 0) -> Int64 { whole * one + hundredths * 1_000_000 }

    /// A BTC quantity in steps of 0.00001.
    public static func btc(_ steps: Int64) -> Int64 { steps * 1_000 }

    public static func spec(_ symbol: String, base: AssetId, quote: AssetId, tick: Int64, step: Int64,
                     minNotional: Int64 = 0) -> MarketSpec {
        MarketSpec(
            symbol: symbol, base: base, quote: quote,
            filters: MarketFilters(
                price: PriceFilter(minPrice: tick, maxPrice: 1_000_000 * one, tickSize: tick),
                lotSize: LotSizeFilter(minQuantity: step, maxQuantity: 9_000 * one, stepSize: step),
                marketLotSize: LotSizeFilter(minQuantity: 0, maxQuantity: 9_000 * one, stepSize: 0),
                notional: minNotional > 0 ? NotionalFilter(minNotional: minNotional) : nil,
                maxNumOrders: 200))
    }

    public static let setupCommands: [Command] = [
        .listAsset(AssetSpec(name: "BTC")),
        .listAsset(AssetSpec(name: "USDT")),
        .listAsset(AssetSpec(name: "ETH")),
        .listMarket(spec("BTCUSDT", base: btc, quote: usdt, tick: 1_000_000, step: 1_000)),
        .listMarket(spec("ETHUSDT", base: eth, quote: usdt, tick: 1_000_000, step: 10_000)),
        .listMarket(spec("ETHBTC", base: eth, quote: btc, tick: 1_000, step: 100_000)),
    ]
}
