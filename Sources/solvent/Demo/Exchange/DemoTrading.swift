import SolventCommandLine
import Synchronization

/// The demo's traders, ordinary API clients: a market maker quoting every market around a
/// random walk (cancel its orders on one market, quote four levels a side, next market), and a
/// few takers sending market orders of random side and size at random pauses. Each runs until
/// `stop` is raised (never by cancelling the task: FoundationNetworking crashes when a request
/// in flight is cancelled); a failed request is skipped, as a bot would, so a refusal never
/// stops the demo.
struct DemoTrading: Sendable {
    let client: DemoClient
    let crew: DemoCrew
    let seed: UInt64
    let stop: DemoStop

    static let levels: Int64 = 4
    static let quoteNanoseconds: UInt64 = 150_000_000

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await quote() }
            for (index, taker) in crew.takers.enumerated() {
                group.addTask { await take(taker, seed: seed &+ UInt64(index + 1)) }
            }
        }
    }

    private func quote() async {
        var random = SeededRandom(seed: seed)
        var mids: [Int64] = []
        for market in DemoListing.all { mids.append(await lastPrice(market) ?? market.startTicks) }
        while !stop.raised {
            for (index, market) in DemoListing.all.enumerated() where !stop.raised {
                let spacing = max(1, mids[index] / 5_000)
                let step = Int64.random(in: -spacing...spacing, using: &random)
                mids[index] = min(max(mids[index] + step, market.startTicks / 2), market.startTicks * 2)
                await requote(market, mid: mids[index], spacing: spacing, random: &random)
                try? await Task.sleep(nanoseconds: Self.quoteNanoseconds)
            }
        }
    }

    private func requote(_ market: DemoListing, mid: Int64, spacing: Int64, random: inout SeededRandom) async {
        _ = try? await client.signed("DELETE", "/api/v3/openOrders", [("symbol", market.symbol)], key: crew.maker)
        for level in 1...Self.levels {
            for (side, price) in [("BUY", mid - level * spacing), ("SELL", mid + level * spacing)] {
                let steps = Int64.random(in: market.makerSteps, using: &random)
                await order(crew.maker, DemoFunding.maker, [
                    ("symbol", market.symbol), ("side", side), ("type", "LIMIT"), ("timeInForce", "GTC"),
                    ("price", market.price(price)), ("quantity", market.quantity(steps)),
                ])
            }
        }
    }

    private func take(_ taker: DemoKey, seed: UInt64) async {
        var random = SeededRandom(seed: seed)
        while !stop.raised {
            try? await Task.sleep(nanoseconds: UInt64.random(in: 300_000_000...1_500_000_000, using: &random))
            guard let market = DemoListing.all.randomElement(using: &random) else { return }
            let side = Bool.random(using: &random) ? "BUY" : "SELL"
            let steps = Int64.random(in: market.takerSteps, using: &random)
            await order(taker, DemoFunding.taker, [
                ("symbol", market.symbol), ("side", side), ("type", "MARKET"), ("quantity", market.quantity(steps)),
            ])
        }
    }

    /// Places an order; refused for want of balance, the account is topped up for next time.
    private func order(_ key: DemoKey, _ funding: [(String, String)], _ parameters: [(String, String)]) async {
        guard let answer = try? await client.signed("POST", "/api/v3/order", parameters, key: key) else { return }
        if answer.code == -2010, "\(answer.object["msg"] ?? "")".lowercased().contains("balance") {
            try? await DemoCrew.fund(client, key.account, funding)
        }
    }

    /// Where a resumed demo's walk picks up: the market's last trade.
    private func lastPrice(_ market: DemoListing) async -> Int64? {
        guard let answer = try? await client.get("/api/v3/ticker/price", [("symbol", market.symbol)]),
              let text = answer.object["price"] as? String, let ticks = DemoDecimal.units(text, places: market.tickPlaces),
              ticks > 0 else { return nil }
        return ticks
    }
}

/// The demo's traders' stop signal, raised once the server has stopped.
final class DemoStop: Sendable {
    private let flag = Atomic<Bool>(false)
    var raised: Bool { flag.load(ordering: .relaxed) }
    func raise() { flag.store(true, ordering: .relaxed) }
}
