import SolventCore

/// Assets, markets and round numbers the store tests trade with, as in the core's tests.
///
/// BTC, USDT and ETH at scale 8. BTCUSDT: tick 0.01 USDT, step 0.00001 BTC. ETHUSDT: tick 0.01
/// USDT, step 0.0001 ETH. ETHBTC: tick 0.00001 BTC, step 0.001 ETH.
enum Fixtures {
    static let btc: AssetId = 0
    static let usdt: AssetId = 1
    static let eth: AssetId = 2
    static let btcusdt: MarketId = 0
    static let ethusdt: MarketId = 1
    static let ethbtc: MarketId = 2

    /// One whole unit of an asset at scale 8.
    static let one: Int64 = 100_000_000

    /// 2024-01-01T00:00:00Z, a Monday: week, month and day bars all open here.
    static let newYear2024: Timestamp = 1_704_067_200_000
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    /// A USDT amount or price: `whole` units plus `hundredths`.
    static func usdt(_ whole: Int64, _ hundredths: Int64 = 0) -> Int64 { whole * one + hundredths * 1_000_000 }

    /// A BTC quantity in steps of 0.00001.
    static func btc(_ steps: Int64) -> Int64 { steps * 1_000 }

    static func spec(_ symbol: String, base: AssetId, quote: AssetId, tick: Int64, step: Int64) -> MarketSpec {
        MarketSpec(
            symbol: symbol, base: base, quote: quote,
            filters: MarketFilters(
                price: PriceFilter(minPrice: tick, maxPrice: 1_000_000 * one, tickSize: tick),
                lotSize: LotSizeFilter(minQuantity: step, maxQuantity: 9_000 * one, stepSize: step),
                marketLotSize: LotSizeFilter(minQuantity: 0, maxQuantity: 9_000 * one, stepSize: 0),
                maxNumOrders: 200))
    }

    static let listingCommands: [Command] = [
        .listAsset(AssetSpec(name: "BTC")),
        .listAsset(AssetSpec(name: "USDT")),
        .listAsset(AssetSpec(name: "ETH")),
        .listMarket(spec("BTCUSDT", base: btc, quote: usdt, tick: 1_000_000, step: 1_000)),
        .listMarket(spec("ETHUSDT", base: eth, quote: usdt, tick: 1_000_000, step: 10_000)),
        .listMarket(spec("ETHBTC", base: eth, quote: btc, tick: 1_000, step: 100_000)),
    ]
}
