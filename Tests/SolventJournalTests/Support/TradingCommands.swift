import SolventCore
import SolventTestSupport

/// Two markets (BTCUSDT, ETHUSDT) and random but plausible trading on them: deposits, limit
/// orders around a mid price (many rest, many cross), market orders and cancels. Cheap to apply,
/// so the journal tests can replay thousands of them in a debug build. Adapted from the core
/// tests' `CommandGenerator`, without the learning of open orders: cancels name recent ids.
struct TradingCommands {
    static let one: Int64 = 100_000_000
    static let btc: AssetId = 0
    static let usdt: AssetId = 1
    static let eth: AssetId = 2
    static let accounts: [AccountId] = [1, 2, 3, 4]
    /// Mid price, tick and step per market, in units at scale 8.
    static let markets: [(mid: Int64, tick: Int64, step: Int64)] = [
        (100 * one, 1_000_000, 1_000),
        (20 * one, 1_000_000, 10_000),
    ]

    /// Lists the assets and markets, opens and funds the accounts.
    static let setup: [Command] = {
        var commands: [Command] = [
            .listAsset(AssetSpec(name: "BTC")), .listAsset(AssetSpec(name: "USDT")), .listAsset(AssetSpec(name: "ETH")),
            .listMarket(spec("BTCUSDT", base: btc, quote: usdt, tick: markets[0].tick, step: markets[0].step)),
            .listMarket(spec("ETHUSDT", base: eth, quote: usdt, tick: markets[1].tick, step: markets[1].step)),
        ]
        for account in accounts {
            commands.append(.openAccount(nil))
            for asset in [btc, usdt, eth] { commands.append(.deposit(account, asset, 1_000_000 * one)) }
        }
        return commands
    }()

    static func spec(_ symbol: String, base: AssetId, quote: AssetId, tick: Int64, step: Int64) -> MarketSpec {
        MarketSpec(symbol: symbol, base: base, quote: quote, filters: MarketFilters(
            price: PriceFilter(minPrice: tick, maxPrice: 1_000_000 * one, tickSize: tick),
            lotSize: LotSizeFilter(minQuantity: step, maxQuantity: 9_000 * one, stepSize: step),
            marketLotSize: LotSizeFilter(minQuantity: 0, maxQuantity: 9_000 * one, stepSize: 0)))
    }

    var random: SplitMix64
    /// Orders placed so far: order ids are given from 1 in acceptance order, so cancels of ids
    /// up to here often hit an open order.
    private var placed: Int64 = 0

    /// Share of deposits in percent; the rest split between limit orders, market orders and
    /// cancels as 55 : 10 : 25. Deposits are the cheapest command to replay.
    private let depositPercent: Int

    init(seed: UInt64, depositPercent: Int = 10) {
        random = SplitMix64(seed: seed)
        self.depositPercent = depositPercent
    }

    mutating func next() -> Command {
        let market = MarketId(Int.random(in: 0..<Self.markets.count, using: &random))
        let account = random.pick(Self.accounts)
        if random.chance(depositPercent) {
            let amount = Int64.random(in: 1...5_000, using: &random) * Self.one
            return .deposit(account, AssetId.random(in: 0...2, using: &random), amount)
        }
        switch Int.random(in: 0..<90, using: &random) {
        case 0..<55:
            placed += 1
            let (mid, tick, step) = Self.markets[Int(market)]
            return .placeOrder(.limit(account, market, random.chance(50) ? .buy : .sell,
                                      price: mid + tick * Int64.random(in: -10...10, using: &random),
                                      quantity: step * Int64.random(in: 1...40, using: &random),
                                      timeInForce: random.chance(85) ? .gtc : .ioc))
        case 55..<65:
            placed += 1
            let step = Self.markets[Int(market)].step
            return .placeOrder(NewOrder(account: account, market: market, side: random.chance(50) ? .buy : .sell,
                                        type: .market, quantity: step * Int64.random(in: 1...30, using: &random)))
        default:
            let id = placed == 0 ? 1 : Int64.random(in: max(1, placed - 20)...placed, using: &random)
            return .cancelOrder(CancelOrder(account: account, market: market, order: .id(id)))
        }
    }

    /// The setup followed by `count` random commands.
    static func stream(seed: UInt64, count: Int, depositPercent: Int = 10) -> [Command] {
        var generator = TradingCommands(seed: seed, depositPercent: depositPercent)
        return setup + (0..<count).map { _ in generator.next() }
    }
}
