import SolventCore

/// One demo market and how to show its numbers.
struct DemoMarket: Sendable {
    let id: MarketId
    let symbol: String
    let base: AssetId
    let quote: AssetId
    let tick: Price
    let step: Quantity
    /// Decimals shown for prices and quantities (those of the tick and the step).
    let priceDigits: Int
    let quantityDigits: Int
    /// Distance between a maker's quote levels, in ticks.
    let gapTicks: Int64
}

/// The demo exchange's listings: BTC, USDT and ETH (8 decimals each, as Binance keeps them) and the
/// markets BTCUSDT, ETHUSDT and ETHBTC, with the accounts of the simulated traders.
struct DemoVenue: Sendable {
    static let scale: Scale = 8
    static let assetNames = ["BTC", "USDT", "ETH"]
    static let btc: AssetId = 0, usdt: AssetId = 1, eth: AssetId = 2

    let markets: [DemoMarket] = [
        // Tick × step must be a whole number of quote units (10^8 base units per coin).
        DemoMarket(id: 0, symbol: "BTCUSDT", base: btc, quote: usdt, tick: 1_000_000, step: 1_000,
                   priceDigits: 2, quantityDigits: 5, gapTicks: 50),
        DemoMarket(id: 1, symbol: "ETHUSDT", base: eth, quote: usdt, tick: 1_000_000, step: 10_000,
                   priceDigits: 2, quantityDigits: 4, gapTicks: 5),
        DemoMarket(id: 2, symbol: "ETHBTC", base: eth, quote: btc, tick: 1_000, step: 100_000,
                   priceDigits: 5, quantityDigits: 3, gapTicks: 1),
    ]

    /// Whole coins per asset given to each maker and each taker at the start.
    static let makerFunding: [Int64] = [20, 2_000_000, 400]
    static let takerFunding: [Int64] = [2, 200_000, 40]

    let makersPerMarket = 4
    let takers = 24

    var makerCount: Int { makersPerMarket * markets.count }
    var accountCount: Int { makerCount + takers }

    /// Accounts 1...makerCount are the makers (market by market), then the takers.
    func maker(_ index: Int, of market: Int) -> AccountId { AccountId(1 + market * makersPerMarket + index) }
    func taker(_ index: Int) -> AccountId { AccountId(1 + makerCount + index) }

    func isMaker(_ account: AccountId) -> Bool { account >= 1 && Int(account) <= makerCount }

    /// Listing, account opening and funding, in order.
    func setupCommands() -> [Command] {
        var commands: [Command] = Self.assetNames.map { .listAsset(AssetSpec(name: $0, scale: Self.scale)) }
        for market in markets {
            let filters = MarketFilters(
                price: PriceFilter(minPrice: market.tick, maxPrice: 0, tickSize: market.tick),
                lotSize: LotSizeFilter(minQuantity: market.step, maxQuantity: 100_000 * 100_000_000,
                                       stepSize: market.step),
                notional: NotionalFilter(minNotional: market.quote == Self.usdt ? 100_000_000 : 10_000))
            commands.append(.listMarket(MarketSpec(symbol: market.symbol, base: market.base, quote: market.quote,
                                                   filters: filters)))
        }
        for _ in 0..<accountCount { commands.append(.openAccount(nil)) }
        for account in 1...accountCount {
            let funding = isMaker(AccountId(account)) ? Self.makerFunding : Self.takerFunding
            for (asset, coins) in funding.enumerated() {
                commands.append(.deposit(AccountId(account), AssetId(asset), coins * 100_000_000))
            }
        }
        return commands
    }
}
