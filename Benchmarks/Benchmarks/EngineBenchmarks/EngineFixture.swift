import SolventCore

/// One listed market with 1,000 funded accounts, kept between iterations so that the engine's
/// storage is warm (as in steady state) and only the measured commands are timed.
///
/// The exchange is moved out for an iteration and back after it (`take` / `give`), so the measured
/// loop mutates a local value: no copy-on-write copy and no dynamic exclusivity check in the loop.
final class EngineFixture: @unchecked Sendable {   // used from one benchmark thread at a time
    static let shared = EngineFixture()
    static let time: Timestamp = BenchMarket.startTime + 1_000_000
    static let market: MarketId = 0
    static let accounts = 1_000

    private var exchange: Exchange?

    private init() {
        let shape = WorkloadShape.single(commands: 0, seed: 1)
        let pool = AccountPool(accounts: shape.accounts, usersPerSymbol: shape.usersPerSymbol)
        var exchange = Exchange()
        for command in BenchListing(shape).commands(pool: pool) {
            let events = exchange.apply(command, at: Self.time)
            precondition(!events.contains { if case .rejected = $0 { true } else { false } },
                         "fixture setup rejected: \(command) → \(events)")
        }
        self.exchange = exchange
    }

    func take() -> Exchange {
        guard let exchange else { preconditionFailure("the fixture's exchange is already taken") }
        self.exchange = nil
        return exchange
    }

    func give(_ exchange: Exchange) {
        precondition(self.exchange == nil, "the fixture already holds an exchange")
        self.exchange = exchange
    }

    /// Places `orders` (untimed) and returns a cancel for each one that rested.
    func rest(_ orders: [Command], on exchange: inout Exchange) -> [Command] {
        var cancels: [Command] = []
        for command in orders {
            for event in exchange.apply(command, at: Self.time) {
                if case .order(let report) = event, report.execution == .new, report.order.status.isOpen {
                    cancels.append(.cancelOrder(CancelOrder(account: report.order.account, market: Self.market,
                                                            order: .id(report.order.id))))
                }
            }
        }
        precondition(cancels.count == orders.count, "every fixture order must rest")
        return cancels
    }

    /// Cancels whatever rests on the market (untimed), so every iteration starts from an empty book.
    func cancelAll(_ exchange: inout Exchange) {
        for side in Side.allCases {
            for order in exchange.openOrders(Self.market, side) {
                _ = exchange.apply(.cancelOrder(CancelOrder(account: order.account, market: Self.market,
                                                            order: .id(order.id))), at: Self.time)
            }
        }
        assert(exchange.openOrders(Self.market, .buy).isEmpty && exchange.openOrders(Self.market, .sell).isEmpty)
    }

    /// GTC orders that never cross: bids over 500 ticks below 50,000, asks over 500 ticks above 60,000.
    static func passiveOrders(_ count: Int) -> [Command] {
        (0..<count).map { index in
            let side: Side = index % 2 == 0 ? .buy : .sell
            let ticks = side == .buy ? 50_000 - Int64(index / 2 % 500) : 60_000 + Int64(index / 2 % 500)
            return .placeOrder(.limit(account(index), market, side, price: BenchMarket.price(ticks: ticks),
                                      quantity: BenchMarket.quantity(lots: 1 + Int64(index % 7))))
        }
    }

    /// One-lot asks over 100 levels from 60,000 ticks, from the first half of the accounts.
    static func asks(_ count: Int) -> [Command] {
        (0..<count).map { index in
            .placeOrder(.limit(account(index % (accounts / 2)), market, .sell,
                               price: BenchMarket.price(ticks: 60_000 + Int64(index % 100)),
                               quantity: BenchMarket.quantity(lots: 1)))
        }
    }

    /// One-lot IOC buys at 70,000 ticks from the second half of the accounts (no self-trades).
    static func iocBuys(_ count: Int) -> [Command] {
        (0..<count).map { index in
            .placeOrder(.limit(account(accounts / 2 + index % (accounts / 2)), market, .buy,
                               price: BenchMarket.price(ticks: 70_000), quantity: BenchMarket.quantity(lots: 1),
                               timeInForce: .ioc))
        }
    }

    private static func account(_ index: Int) -> AccountId { AccountId(1 + index % accounts) }
}

/// The `solvent bench` single-symbol stream (100,000 commands) and an exchange replaying it.
final class MixReplay: @unchecked Sendable {   // used from one benchmark thread at a time
    static let shared = MixReplay()
    static let commands = 100_000

    struct Replay {
        var exchange: Exchange
        var cursor: Int
    }

    let workload = WorkloadGenerator.generate(.single(commands: MixReplay.commands, seed: 1))
    private var replay: Replay?

    /// The replay, rebuilt on a fresh prefilled exchange when fewer than `batch` commands are left.
    func take(_ batch: Int) -> Replay {
        var replay = self.replay ?? fresh()
        self.replay = nil
        if replay.cursor + batch > workload.commands.count { replay = fresh() }
        return replay
    }

    func give(_ replay: Replay) { self.replay = replay }

    private func fresh() -> Replay {
        Replay(exchange: BenchRunner(workload: workload).preparedExchange(), cursor: 0)
    }
}
