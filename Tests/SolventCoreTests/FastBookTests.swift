import Testing
@testable import SolventCore
import SolventTestSupport

// Scenario tests run on both books: each scenario states a rule of the `OrderBook` protocol, and
// `ReferenceBook` passing it shows the expectation itself is right. The differential test at the
// end then drives both with one long random stream.

/// A resting GTC limit order with sensible defaults; `createdAt` follows the id.
fileprivate func restingOrder(_ id: OrderId, _ side: Side, _ price: Price, quantity: Quantity = 10,
                  visible: Quantity? = nil, account: AccountId = 1) -> Order {
    Order(id: id, clientOrderId: .none, account: account, market: 0, side: side, type: .limit,
          timeInForce: .gtc, selfTradePreventionMode: .none, status: .new, expiryReason: .none,
          price: price, stopPrice: 0, quantity: quantity, quoteOrderQuantity: 0, icebergQuantity: 0,
          executedQuantity: 0, cumulativeQuote: 0, reserved: 0, visibleQuantity: visible ?? quantity,
          preventedQuantity: 0, strategyId: 0, strategyType: 0, createdAt: id, workingTime: id,
          updatedAt: id, isTriggered: false)
}

fileprivate extension OrderBook {
    func ids(_ side: Side) -> [OrderId] { orders(side).map(\.id) }

    mutating func insertAll(_ orders: [Order]) {
        for order in orders { insert(order) }
    }
}

@Suite struct FastBookScenarios {
    @Test func ordersAtOnePriceMatchOldestFirst() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            book.insertAll([restingOrder(3, .buy, 100), restingOrder(1, .buy, 100), restingOrder(2, .buy, 100)])
            #expect(book.ids(.buy) == [3, 1, 2])
            #expect(book.removeFront(.buy)?.id == 3)
            #expect(book.removeFront(.buy)?.id == 1)
            book.insert(restingOrder(4, .buy, 100))
            #expect(book.ids(.buy) == [2, 4])
        }
    }

    @Test func bidsRankHighestPriceFirstAsksLowestFirst() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            book.insertAll([restingOrder(1, .buy, 99), restingOrder(2, .buy, 101), restingOrder(3, .buy, 100),
                            restingOrder(4, .sell, 105), restingOrder(5, .sell, 103), restingOrder(6, .sell, 104),
                            restingOrder(7, .buy, 101), restingOrder(8, .sell, 103)])
            #expect(book.ids(.buy) == [2, 7, 3, 1])
            #expect(book.ids(.sell) == [5, 8, 6, 4])
            #expect(book.bestPrice(.buy) == 101 && book.bestPrice(.sell) == 103)
            #expect(!book.isCrossed)
        }
    }

    @Test func removingFromFrontMiddleOrBackKeepsTheRestInOrder() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            book.insertAll((1...5).map { restingOrder($0, .sell, 50) })
            #expect(book.remove(3)?.id == 3)
            #expect(book.ids(.sell) == [1, 2, 4, 5])
            #expect(book.remove(1)?.id == 1)
            #expect(book.ids(.sell) == [2, 4, 5])
            #expect(book.remove(5)?.id == 5)
            #expect(book.ids(.sell) == [2, 4])
            #expect(book.remove(5) == nil && book.remove(99) == nil)
            book.insert(restingOrder(6, .sell, 50))
            #expect(book.ids(.sell) == [2, 4, 6])
            #expect(book.count == 3)
        }
    }

    @Test func removingTheLastOrderOfALevelRemovesTheLevel() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            book.insertAll([restingOrder(1, .buy, 10), restingOrder(2, .buy, 20), restingOrder(3, .buy, 30)])
            book.remove(3)
            #expect(book.bestPrice(.buy) == 20)
            book.remove(1)
            #expect(book.bestPrice(.buy) == 20 && book.ids(.buy) == [2])
            #expect(book.removeFront(.buy)?.id == 2)
            #expect(book.bestPrice(.buy) == nil && book.count == 0)
            // The emptied level is gone, not lingering ahead of a new, worse one.
            book.insert(restingOrder(4, .buy, 5))
            #expect(book.bestPrice(.buy) == 5 && book.ids(.buy) == [4])
        }
        var fast = FastBook()
        fast.insertAll([restingOrder(1, .sell, 10), restingOrder(2, .sell, 20), restingOrder(3, .sell, 30)])
        fast.remove(2)
        #expect(fast.levelCount(.sell) == 2)
        fast.validateInternalState()
    }

    @Test func rotateFrontMovesTheFrontOrderBehindItsLevelOnly() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            book.insertAll([restingOrder(1, .sell, 7), restingOrder(2, .sell, 7), restingOrder(3, .sell, 8),
                            restingOrder(4, .sell, 7)])
            book.rotateFront(.sell)
            #expect(book.ids(.sell) == [2, 4, 1, 3])
            book.rotateFront(.sell)
            #expect(book.ids(.sell) == [4, 1, 2, 3])
            book.rotateFront(.buy)  // empty side: nothing happens
            #expect(book.count == 4)
            var single = B()
            single.insert(restingOrder(9, .buy, 1))
            single.rotateFront(.buy)
            #expect(single.ids(.buy) == [9])
        }
    }

    @Test func updatesEditInPlaceAndKeepPriority() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            book.insertAll([restingOrder(1, .buy, 10, quantity: 5), restingOrder(2, .buy, 10, quantity: 5)])
            let left = book.update(2) { order -> Quantity in
                order.visibleQuantity -= 2
                return order.visibleQuantity
            }
            #expect(left == 3)
            #expect(book.ids(.buy) == [1, 2] && book.order(2)?.visibleQuantity == 3)
            let front = book.updateFront(.buy) { order -> OrderId in
                order.executedQuantity = 4
                return order.id
            }
            #expect(front == 1)
            #expect(book.order(1)?.executedQuantity == 4 && book.ids(.buy) == [1, 2])
            let absent = book.update(77) { _ in true }, emptySide = book.updateFront(.sell) { _ in true }
            #expect(absent == nil && emptySide == nil)
        }
    }

    @Test func forEachVisitsBestPriceOutwardOldestFirstAndStopsWhenAsked() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            book.insertAll([restingOrder(1, .sell, 12), restingOrder(2, .sell, 11), restingOrder(3, .sell, 12),
                            restingOrder(4, .sell, 11), restingOrder(5, .buy, 9)])
            var visited: [OrderId] = []
            book.forEach(.sell) { visited.append($0.id); return true }
            #expect(visited == [2, 4, 1, 3])
            visited = []
            book.forEach(.sell) { visited.append($0.id); return visited.count < 3 }
            #expect(visited == [2, 4, 1])
            visited = []
            book.forEach(.buy) { visited.append($0.id); return false }
            #expect(visited == [5])
            B().forEach(.buy) { _ in Issue.record("empty book visited an order"); return true }
        }
    }

    @Test func bestPriceFollowsEveryOperation() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            var book = B()
            #expect(book.bestPrice(.buy) == nil && book.bestPrice(.sell) == nil)
            book.insert(restingOrder(1, .buy, 100)); #expect(book.bestPrice(.buy) == 100)
            book.insert(restingOrder(2, .buy, 90)); #expect(book.bestPrice(.buy) == 100)
            book.insert(restingOrder(3, .buy, 110)); #expect(book.bestPrice(.buy) == 110)
            book.insert(restingOrder(4, .sell, 120)); #expect(book.bestPrice(.sell) == 120)
            book.insert(restingOrder(5, .sell, 115)); #expect(book.bestPrice(.sell) == 115)
            book.rotateFront(.buy); #expect(book.bestPrice(.buy) == 110)
            _ = book.updateFront(.sell) { $0.visibleQuantity = 1 }; #expect(book.bestPrice(.sell) == 115)
            book.remove(2); #expect(book.bestPrice(.buy) == 110)
            _ = book.removeFront(.buy); #expect(book.bestPrice(.buy) == 100)
            _ = book.removeFront(.sell); #expect(book.bestPrice(.sell) == 120)
            book.remove(1); #expect(book.bestPrice(.buy) == nil)
            book.remove(4); #expect(book.bestPrice(.sell) == nil)
            #expect(book.count == 0 && book.removeFront(.sell) == nil)
        }
    }

    @Test func levelsFarApartUpToTheInt64LimitsKeepTheirOrder() {
        check(FastBook.self); check(ReferenceBook.self)
        func check<B: OrderBook>(_: B.Type) {
            let prices: [Price] = [Int64.max, 1, 100_000_000_000_000_000, Int64.max - 1, 2, Int64.min, 0, -1,
                                   Int64.min + 1, 1_000_000_007, 99_999_999_999_999_999]
            var book = B()
            var id: OrderId = 0
            for price in prices {
                for side in Side.allCases {
                    id += 1
                    book.insert(restingOrder(id, side, price))
                }
            }
            #expect(book.orders(.buy).map(\.price) == prices.sorted(by: >))
            #expect(book.orders(.sell).map(\.price) == prices.sorted())
            #expect(book.bestPrice(.buy) == Int64.max && book.bestPrice(.sell) == Int64.min)
            book.remove(1); book.remove(2)  // Int64.max on both sides
            #expect(book.bestPrice(.buy) == Int64.max - 1 && book.orders(.sell).last?.price == Int64.max - 1)
        }
    }

    @Test func copiesAreIndependentValues() {
        var original = FastBook()
        original.insertAll((1...40).map { restingOrder($0, $0.isMultiple(of: 2) ? .buy : .sell, 100 + $0 % 7) })
        let snapshotBuys = original.orders(.buy), snapshotSells = original.orders(.sell)

        var copy = original
        copy.remove(2)
        _ = copy.removeFront(.sell)
        _ = copy.updateFront(.buy) { $0.visibleQuantity = 1 }
        copy.rotateFront(.buy)
        _ = copy.update(5) { $0.executedQuantity = 3 }
        copy.insertAll((41...400).map { restingOrder($0, .buy, $0) })  // grows every buffer
        #expect(original.orders(.buy) == snapshotBuys && original.orders(.sell) == snapshotSells)
        #expect(original.count == 40 && original.order(2) != nil && original.order(5)?.executedQuantity == 0)
        original.validateInternalState()

        // And the other way round: mutating the original leaves an earlier copy alone.
        let frozen = copy
        let frozenBuys = frozen.orders(.buy)
        copy.remove(41)
        original.remove(4)
        #expect(frozen.orders(.buy) == frozenBuys && frozen.order(41) != nil)
        frozen.validateInternalState(); copy.validateInternalState()
    }

    @Test func lookUpsOfAbsentOrdersAndEmptySidesReturnNil() {
        var book = FastBook()
        #expect(book.order(1) == nil && book.remove(1) == nil && book.removeFront(.buy) == nil)
        book.insert(restingOrder(1, .buy, 5))
        #expect(book.order(1)?.price == 5 && book.order(2) == nil)
        #expect(book.removeFront(.sell) == nil && book.bestPrice(.sell) == nil)
    }

    @Test func freedSlotsAreReusedSoChurnDoesNotGrowTheBook() {
        var book = FastBook()
        book.insertAll((1...100).map { restingOrder($0, .buy, 1_000 - $0 % 10) })
        let capacity = book.pool.capacity
        for id in OrderId(101)...50_000 {
            book.remove(id - 100)
            book.insert(restingOrder(id, id.isMultiple(of: 3) ? .sell : .buy, 1_000 + id % 50))
        }
        #expect(book.count == 100 && book.pool.capacity == capacity && book.ids.count == 100)
        book.validateInternalState()
    }
}

extension SplitMix64 {
    /// Uniform in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }

    mutating func side() -> Side { Bool.random(using: &self) ? .buy : .sell }
}

/// Both books under one random stream, compared after every operation.
///
/// Prices sit on a grid of `tick` around a mid that trends up and down by thousands of ticks, so
/// the fast book's tick window must find the grid and move; a few prices land off the grid, far
/// away, or at the `Int64` extremes.
struct BookDifferentialRun {
    var rng: SplitMix64
    let tick: Price
    var fast = FastBook()
    var reference = ReferenceBook()
    /// Resting ids, for picking one at random; `position` finds an id's index in it.
    var live: [OrderId] = []
    var position: [OrderId: Int] = [:]
    var nextId: OrderId = 1
    var steps = 0
    /// The mid in ticks.
    var mid: Price = 1_000_000
    /// Resting orders the stream hovers around: big enough for hundreds of levels, small enough
    /// that the reference book's linear scans keep the test quick.
    static let targetSize = 400

    init(seed: UInt64, tick: Price) {
        rng = SplitMix64(seed: seed)
        self.tick = tick
    }

    mutating func step() {
        steps += 1
        // A random walk plus a trend reversing every 50,000 steps: ±12,500 ticks per leg.
        let trend: Price = steps.isMultiple(of: 4) ? ((steps / 50_000).isMultiple(of: 2) ? 1 : -1) : 0
        mid += Price(rng.below(3)) - 1 + trend
        let roll = rng.below(100)
        // Inserts outweigh removals (≈ 27 %) below the target size and fall behind above it.
        let insertShare = live.count < Self.targetSize ? 40 : 20
        switch roll {
        case ..<insertShare: insert()
        case ..<(insertShare + 18): remove(existing: rng.below(10) != 0)
        case ..<(insertShare + 28):
            let side = rng.side()
            forget(fast.removeFront(side), reference.removeFront(side))
        default: edit()
        }
    }

    mutating func insert() {
        let side = rng.side()
        let price: Price
        switch rng.below(200) {
        case 0: price = Price(rng.below(100_000_000_000_000_000)) + 1
        case 1: price = Int64.max - Price(rng.below(5))
        case 2: price = 1 + Price(rng.below(5))
        case 3, 4: price = (mid + Price(rng.below(200)) - 100) * tick + Price(rng.below(Int(tick)))  // off the grid
        default:
            let offset = Price(rng.below(20) * rng.below(20))  // clustered near the touch
            price = (side == .buy ? mid - offset : mid + 1 + offset) * tick
        }
        let quantity = Quantity(1 + rng.below(100))
        let order = restingOrder(nextId, side, price, quantity: quantity,
                                 visible: Quantity(1 + rng.below(Int(quantity))), account: AccountId(rng.below(50)))
        nextId += 1
        fast.insert(order)
        reference.insert(order)
        position[order.id] = live.count
        live.append(order.id)
    }

    mutating func remove(existing: Bool) {
        let id = existing && !live.isEmpty ? live[rng.below(live.count)] : nextId + OrderId(rng.below(10))
        forget(fast.remove(id), reference.remove(id))
    }

    mutating func edit() {
        let side = rng.side()
        switch rng.below(4) {
        case 0:
            let decrement: (inout Order) -> Quantity = { order in
                if order.visibleQuantity > 1 { order.visibleQuantity -= 1 }
                return order.visibleQuantity
            }
            #expect(fast.updateFront(side, decrement) == reference.updateFront(side, decrement))
        case 1:
            fast.rotateFront(side)
            reference.rotateFront(side)
        case 2:
            let id = live.isEmpty || rng.below(8) == 0 ? -5 : live[rng.below(live.count)]
            let fill: (inout Order) -> Quantity = { order in
                order.executedQuantity += 1
                return order.executedQuantity
            }
            #expect(fast.update(id, fill) == reference.update(id, fill))
        default:
            let id = live.isEmpty ? 0 : live[rng.below(live.count)] + OrderId(rng.below(2))
            #expect(fast.order(id) == reference.order(id))
        }
    }

    /// Both books must have removed the same order; drops it from `live`.
    mutating func forget(_ fromFast: Order?, _ fromReference: Order?) {
        #expect(fromFast == fromReference)
        guard let id = fromFast?.id, let index = position.removeValue(forKey: id) else { return }
        let last = live.removeLast()
        if index < live.count {
            live[index] = last
            position[last] = index
        }
    }

    func compareSummary() -> Bool {
        fast.count == reference.count && fast.count == live.count
            && fast.bestPrice(.buy) == reference.bestPrice(.buy)
            && fast.bestPrice(.sell) == reference.bestPrice(.sell)
    }

    func compareFully() -> Bool {
        fast.validateInternalState()
        return fast.orders(.buy) == reference.orders(.buy) && fast.orders(.sell) == reference.orders(.sell)
    }
}

@Suite struct FastBookDifferential {
    @Test(arguments: [(UInt64(0x50_1E47), Price(1)), (0xB00C_5EED, 1_000_000)])
    func aRandomStreamLeavesBothBooksIdentical(seed: UInt64, tick: Price) {
        var run = BookDifferentialRun(seed: seed, tick: tick)
        for step in 1...200_000 {
            run.step()
            guard run.compareSummary() else {
                Issue.record("books diverge at step \(step)")
                return
            }
            if step.isMultiple(of: 1_000) {
                guard run.compareFully() else {
                    Issue.record("order sequences diverge by step \(step)")
                    return
                }
            }
        }
        #expect(run.live.count > 300)
        #expect(run.fast.levelCount(.buy) > 100 && run.fast.levelCount(.sell) > 100)
        // The window moved with the trend, on the stream's tick grid.
        #expect(run.fast.bids.placements >= 2 && run.fast.asks.placements >= 2)
        #expect(run.fast.bids.windowSpacing == UInt64(tick) && run.fast.asks.windowSpacing == UInt64(tick))
    }
}
