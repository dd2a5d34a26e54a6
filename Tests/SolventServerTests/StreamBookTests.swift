import Foundation
import SolventCore
import SolventTestSupport
import SolventWire
import Testing
@testable import SolventServer

/// The streams' book is rebuilt from order events alone; these scenarios hold it against the
/// engine's own book after every command of long random sessions (every order type, icebergs,
/// self-trade prevention, amends, stops, cancel-replace), and hold a client's local book, kept
/// by the documented snapshot + diff procedure, against it at the end (spec §5.5).
@Suite struct StreamBookTests {
    static let markets: [MarketId] = [TestMarkets.btcusdt, TestMarkets.ethusdt, TestMarkets.ethbtc]

    /// Feeds `commands` random commands through an engine and the streams' books, calling
    /// `afterCommand` with both after each one.
    private func session(seed: UInt64, commands: Int,
                         afterCommand: (Int, Exchange, [MarketId: StreamBook], [MarketId: [StreamBook.LevelKey]]) -> Void) {
        var exchange = Exchange()
        var books: [MarketId: StreamBook] = [:]
        for market in Self.markets { books[market] = StreamBook() }
        var generator = CommandGenerator(seed: seed)
        var time: Timestamp = 1_700_000_000_000
        for command in TestMarkets.setupCommands + generator.fundingCommands { _ = exchange.apply(command, at: time) }
        for index in 0..<commands {
            time += 250
            let events = exchange.apply(generator.next(), at: time)
            generator.observe(events)
            var changed: [MarketId: [StreamBook.LevelKey]] = [:]
            for market in Self.markets {
                let reports = events.compactMap { event -> OrderEvent? in
                    if case .order(let report) = event, report.order.market == market { return report }
                    return nil
                }
                books[market]!.apply(reports, changed: &changed[market, default: []])
            }
            afterCommand(index, exchange, books, changed)
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func bookFromEventsEqualsTheEnginesBookAfterEveryCommand(seed: UInt64) {
        var mismatches = 0
        var levelsSeen = 0
        session(seed: seed, commands: 3_000) { index, exchange, books, _ in
            for market in Self.markets {
                let bids = BookReading.levels(exchange, market, .buy, limit: .max)
                let asks = BookReading.levels(exchange, market, .sell, limit: .max)
                levelsSeen += bids.count + asks.count
                if books[market]!.bids.levels != bids || books[market]!.asks.levels != asks {
                    mismatches += 1
                    Issue.record("seed \(seed), command \(index), market \(market): stream book differs from the engine's")
                }
            }
        }
        #expect(mismatches == 0)
        #expect(levelsSeen > 3_000, "the random session should keep books busy")
    }

    @Test func updateIdsCountEveryLevelChangeAndNothingElse() {
        var previous: [MarketId: UInt64] = [:]
        session(seed: 5, commands: 1_500) { _, _, books, changed in
            for market in Self.markets {
                #expect(books[market]!.updateId - (previous[market] ?? 0) == UInt64(changed[market, default: []].count))
                previous[market] = books[market]!.updateId
            }
        }
    }

    /// A client's local book: snapshot at some moment, then diffs flushed every few commands,
    /// applied with the documented checks (drop `u ≤ lastUpdateId`, first must straddle it,
    /// then `U == previous u + 1`). It must end level for level equal to the server's.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func localBookFromSnapshotAndDiffsEndsEqual(seed: UInt64) throws {
        let market = TestMarkets.btcusdt
        let names = MarketNames(symbol: "BTCUSDT", baseAsset: "BTC", baseScale: 8, quoteAsset: "USDT", quoteScale: 8)
        var diff = DepthDiff()
        var events: [[String: Any]] = []
        var snapshot: (id: UInt64, bids: [DepthLevel], asks: [DepthLevel])?
        var final: StreamBook?
        func record(_ payload: [UInt8]?) {
            guard let payload else { return }
            events.append(try! JSONSerialization.jsonObject(with: Data(payload)) as! [String: Any])
        }
        session(seed: seed, commands: 2_500) { index, _, books, changed in
            let book = books[market]!
            if index == 100 { diff.start(at: book.updateId) }
            diff.note(changed[market, default: []])
            if index == 400 { snapshot = (book.updateId, book.bids.levels, book.asks.levels) }
            if index % 7 == 0 { record(diff.flush(book, eventTime: 0, market: names)) }
            final = book
        }
        let server = try #require(final)
        record(diff.flush(server, eventTime: 0, market: names))
        for (previous, event) in zip(events, events.dropFirst()) {
            #expect(number(event, "U") == number(previous, "u") + 1)
        }
        let (lastUpdateId, bids, asks) = try #require(snapshot)
        var local = LocalBook(bids: bids, asks: asks, id: Int64(lastUpdateId))
        var applied = 0
        for event in events where number(event, "u") > local.id {
            if applied == 0 {
                #expect(number(event, "U") <= local.id + 1)
            } else {
                #expect(number(event, "U") == local.id + 1)
            }
            local.apply(event)
            applied += 1
        }
        #expect(local.id == Int64(server.updateId))
        #expect(local.levels(.buy) == server.bids.levels)
        #expect(local.levels(.sell) == server.asks.levels)
        #expect(applied > 50)
    }
}

/// An integer field of a parsed event.
private func number(_ event: [String: Any], _ key: String) -> Int64 {
    (event[key] as! NSNumber).int64Value
}

/// A client's book as ccxt or python-binance keeps it: prices to quantities, from text.
private struct LocalBook {
    var bids: [Price: Quantity] = [:]
    var asks: [Price: Quantity] = [:]
    var id: Int64

    init(bids: [DepthLevel], asks: [DepthLevel], id: Int64) {
        for level in bids { self.bids[level.price] = level.quantity }
        for level in asks { self.asks[level.price] = level.quantity }
        self.id = id
    }

    mutating func apply(_ event: [String: Any]) {
        for (key, side) in [("b", Side.buy), ("a", Side.sell)] {
            for pair in event[key] as! [[String]] {
                let price = Self.units(pair[0]), quantity = Self.units(pair[1])
                if side == .buy { bids[price] = quantity == 0 ? nil : quantity } else { asks[price] = quantity == 0 ? nil : quantity }
            }
        }
        id = number(event, "u")
    }

    func levels(_ side: Side) -> [DepthLevel] {
        let book = side == .buy ? bids : asks
        let sorted = book.keys.sorted(by: side == .buy ? (>) : (<))
        return sorted.map { DepthLevel(price: $0, quantity: book[$0]!) }
    }

    /// "123.45000000" → units of 10^-8.
    static func units(_ text: String) -> Int64 {
        let parts = text.split(separator: ".")
        let fraction = parts.count > 1 ? String(parts[1]).padding(toLength: 8, withPad: "0", startingAt: 0) : "00000000"
        return Int64(parts[0])! * 100_000_000 + Int64(fraction)!
    }
}
