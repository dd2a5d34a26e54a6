import SolventCommandLine
import SolventCore

/// The random commands the crash test feeds the exchange: one BTCUSDT market, twenty funded
/// accounts, and a mix of limit and market orders, cancels, deposits and withdrawals, so that
/// the journal holds every kind of state change (fills, fees, holds, rejections).
struct CrashWorkload {
    static let accounts = 20
    private var random: SeededRandom
    private var ordersPlaced: Int64 = 0

    init(seed: UInt64) {
        random = SeededRandom(seed: seed, stream: 0xC4A5)
    }

    /// Listing, accounts and first deposits: sent before any trading.
    static var setup: [Command] {
        var commands: [Command] = [
            .listAsset(AssetSpec(name: "BTC")), .listAsset(AssetSpec(name: "USDT")),
            .listMarket(BenchMarket.spec(symbol: "BTCUSDT", base: 0, quote: 1)),
        ]
        for account in 1...accounts {
            commands.append(.openAccount(nil))
            commands.append(.deposit(AccountId(account), 0, 1_000 * BenchMarket.lotSize))
            commands.append(.deposit(AccountId(account), 1, 10_000_000 * BenchMarket.tickSize))
        }
        return commands
    }

    mutating func next() -> Command {
        let account = AccountId(1 + random.below(Self.accounts))
        switch random.below(100) {
        case 0..<55: return .placeOrder(limitOrder(account))
        case 55..<63: return .placeOrder(marketOrder(account))
        case 63..<85:
            let order = CancelOrder(account: account, market: 0, order: .id(1 + Int64(random.below(Int(ordersPlaced) + 1))))
            return .cancelOrder(order)
        case 85..<91: return .deposit(account, AssetId(random.below(2)), Amount(1 + random.below(50)) * BenchMarket.lotSize)
        case 91..<97:
            return .requestWithdrawal(account, AssetId(random.below(2)), Amount(1 + random.below(20)) * BenchMarket.lotSize)
        default: return .cancelAllOrders(account, 0)
        }
    }

    private mutating func limitOrder(_ account: AccountId) -> NewOrder {
        ordersPlaced += 1
        let side: Side = random.oneIn(2) ? .buy : .sell
        let ticks = Int64(1_000 + random.below(21) - 10)
        return .limit(account, 0, side, price: BenchMarket.price(ticks: ticks),
                      quantity: BenchMarket.quantity(lots: Int64(1 + random.below(5))),
                      timeInForce: random.oneIn(8) ? .ioc : .gtc)
    }

    private mutating func marketOrder(_ account: AccountId) -> NewOrder {
        ordersPlaced += 1
        return NewOrder(account: account, market: 0, side: random.oneIn(2) ? .buy : .sell, type: .market,
                        quantity: BenchMarket.quantity(lots: Int64(1 + random.below(3))))
    }
}
