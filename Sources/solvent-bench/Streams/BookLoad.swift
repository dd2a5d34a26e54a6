import Foundation
import SolventCommandLine
import SolventCore
import SolventJournal
import Synchronization

/// A busy book for the stream benchmark, driven straight into the sequencer (no HTTP in the way):
/// `workers` closed loops, each with its own account, placing resting limit orders around the
/// mid, canceling its oldest once it holds `openMax`, and now and then crossing the spread with
/// an IOC. Almost every command changes a price level, so commands/s ≈ book updates/s.
final class BookLoad: Sendable {
    static let market: MarketId = 0
    static let tick: Price = 1_000_000  // 0.01 USDT
    static let step: Quantity = 1_000  // 0.00001 BTC
    static let mid: Price = 100 * 100_000_000

    let sequencer: Sequencer
    let accounts: [AccountId]
    private let running = Atomic<Bool>(false)
    private let commands = Atomic<Int>(0)

    init(sequencer: Sequencer, accounts: [AccountId]) {
        self.sequencer = sequencer
        self.accounts = accounts
    }

    /// Lists BTC, USDT and BTCUSDT and opens `count` funded accounts; returns them.
    static func setUp(_ sequencer: Sequencer, accounts count: Int) async throws -> [AccountId] {
        let one: Int64 = 100_000_000
        _ = try await sequencer.execute(.listAsset(AssetSpec(name: "BTC")))
        _ = try await sequencer.execute(.listAsset(AssetSpec(name: "USDT")))
        let filters = MarketFilters(price: PriceFilter(minPrice: tick, maxPrice: 1_000_000 * one, tickSize: tick),
                                    lotSize: LotSizeFilter(minQuantity: step, maxQuantity: 9_000 * one, stepSize: step),
                                    maxNumOrders: 200)
        _ = try await sequencer.execute(.listMarket(MarketSpec(symbol: "BTCUSDT", base: 0, quote: 1, filters: filters)))
        var accounts: [AccountId] = []
        for _ in 0..<count {
            let opened = try await sequencer.execute(.openAccount(nil))
            guard case .accountOpened(let account, _)? = opened.events.first else { throw CommandFailure("no account") }
            _ = try await sequencer.execute(.deposit(account, 0, 1_000_000 * one))
            _ = try await sequencer.execute(.deposit(account, 1, 1_000_000_000 * one))
            accounts.append(account)
        }
        return accounts
    }

    /// Runs the workers for `seconds`, together offering `rate` commands/s (0: as fast as the
    /// sequencer answers); returns the commands they completed.
    func run(seconds: Double, rate: Int, openMax: Int = 50) async -> Int {
        running.store(true, ordering: .relaxed)
        commands.store(0, ordering: .relaxed)
        let interval: Duration? = rate > 0 ? .nanoseconds(Int64(1e9 * Double(accounts.count) / Double(rate))) : nil
        await withTaskGroup(of: Void.self) { group in
            for (index, account) in accounts.enumerated() {
                group.addTask { await self.work(account, seed: UInt64(index) &+ 1, openMax: openMax, interval: interval) }
            }
            try? await Task.sleep(for: .seconds(seconds))
            running.store(false, ordering: .relaxed)
        }
        return commands.load(ordering: .relaxed)
    }

    private func work(_ account: AccountId, seed: UInt64, openMax: Int, interval: Duration?) async {
        var random = SeededRandom(seed: seed)
        var open: [OrderId] = []
        let clock = ContinuousClock()
        var due = clock.now
        while running.load(ordering: .relaxed) {
            if let interval {
                // Open loop: each worker keeps its own schedule, so a slow answer is not made up
                // by sending less.
                due = due.advanced(by: interval)
                if due > clock.now { try? await clock.sleep(until: due) }
            }
            let command: Command
            if open.count >= openMax {
                command = .cancelOrder(CancelOrder(account: account, market: Self.market, order: .id(open.removeFirst())))
            } else if random.next() % 10 == 0 {
                let side: Side = random.next() % 2 == 0 ? .buy : .sell
                let price = side == .buy ? Self.mid + 60 * Self.tick : Self.mid - 60 * Self.tick
                command = .placeOrder(.limit(account, Self.market, side, price: price, quantity: 5 * Self.step,
                                             timeInForce: .ioc, selfTradePreventionMode: SelfTradePreventionMode.none))
            } else {
                let side: Side = random.next() % 2 == 0 ? .buy : .sell
                let offset = Price(1 + random.next() % 50) * Self.tick
                let price = side == .buy ? Self.mid - offset : Self.mid + offset
                command = .placeOrder(.limit(account, Self.market, side, price: price,
                                             quantity: Quantity(1 + random.next() % 20) * Self.step))
            }
            guard let outcome = try? await sequencer.execute(command) else { continue }
            commands.add(1, ordering: .relaxed)
            for event in outcome.events {
                if case .order(let report) = event, report.execution == .new, report.order.status.isOpen,
                   report.order.timeInForce == .gtc {
                    open.append(report.order.id)
                }
            }
        }
    }
}
