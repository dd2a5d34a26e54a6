import SolventCore
import SolventStore
import Testing
import SolventTestSupport

@Suite("Orders: GET order and allOrders")
struct OrderHistoryTests {
    let alice: AccountId
    let bob: AccountId
    let start: RecordedExchange
    let time = Fixtures.newYear2024

    init() throws {
        start = try RecordedExchange.funded(accounts: 2)
        alice = start.accounts[0]
        bob = start.accounts[1]
    }

    @Test func aFilledOrderReadsBackFilledByIdAndByClientId() throws {
        var recorded = start
        let client = ClientOrderId("alice-1")!
        let placed = try recorded.run(.placeOrder(.limit(alice, TestMarkets.btcusdt, .sell, price: TestMarkets.usdt(100),
                                                         quantity: TestMarkets.btc(5), clientOrderId: client)), at: time)
        let id = try #require(placed.newOrderId)
        try recorded.run(.placeOrder(.limit(bob, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(100),
                                            quantity: TestMarkets.btc(5))), at: time + 10)
        let store = recorded.store
        let filled = try #require(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: id, clientOrderId: nil))
        #expect(filled.status == .filled)
        #expect(filled.executedQuantity == TestMarkets.btc(5))
        #expect(filled.cumulativeQuote == TestMarkets.usdt(100) / 100_000 * 5)
        #expect(filled.updatedAt == time + 10)
        #expect(filled == recorded.events.latestOrders[id])
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: nil, clientOrderId: client) == filled)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: id, clientOrderId: client) == filled)
    }

    @Test func bothIdsMustMatchTheSameOrderOfTheSameAccountAndMarket() throws {
        var recorded = start
        let client = ClientOrderId("mine")!
        let placed = try recorded.run(.placeOrder(.limit(alice, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(90),
                                                         quantity: TestMarkets.btc(1), clientOrderId: client)), at: time)
        let id = try #require(placed.newOrderId)
        let store = recorded.store
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: id,
                                clientOrderId: ClientOrderId("other")) == nil)
        #expect(try store.order(account: bob, market: TestMarkets.btcusdt, orderId: id, clientOrderId: nil) == nil)
        #expect(try store.order(account: alice, market: TestMarkets.ethusdt, orderId: id, clientOrderId: nil) == nil)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: id + 1, clientOrderId: nil) == nil)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: nil, clientOrderId: nil) == nil)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: nil, clientOrderId: ClientOrderId.none) == nil)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: id, clientOrderId: ClientOrderId.none)?.id == id,
                "an empty client id is no constraint")
    }

    @Test func aCanceledOrderKeepsItsFinalStateAndAReusedClientIdFindsTheNewest() throws {
        var recorded = start
        let client = ClientOrderId("again")!
        let first = try #require(try recorded.run(.placeOrder(.limit(alice, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(90),
                                                                     quantity: TestMarkets.btc(3), clientOrderId: client)),
                                                  at: time).newOrderId)
        try recorded.run(.cancelOrder(CancelOrder(account: alice, market: TestMarkets.btcusdt, order: .client(client))),
                         at: time + 5)
        let store = recorded.store
        let canceled = try #require(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: first, clientOrderId: nil))
        #expect(canceled.status == .canceled)
        #expect(canceled.updatedAt == time + 5)
        let second = try #require(try recorded.run(.placeOrder(.limit(alice, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(91),
                                                                      quantity: TestMarkets.btc(3), clientOrderId: client)),
                                                   at: time + 9).newOrderId)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: nil, clientOrderId: client)?.id == second)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: first, clientOrderId: client) == canceled)
        #expect(try store.order(account: alice, market: TestMarkets.btcusdt, orderId: nil, clientOrderId: client)?.status == .new)
    }

    /// Ten orders one second apart, ids `ids[0] < … < ids[9]`, the odd ones canceled.
    private func tenOrders(_ recorded: inout RecordedExchange) throws -> [OrderId] {
        var ids: [OrderId] = []
        for index in 0..<10 {
            let at = time + Int64(index) * 1_000
            let placed = try recorded.run(.placeOrder(.limit(alice, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(50 + Int64(index)),
                                                             quantity: TestMarkets.btc(1))), at: at)
            let id = try #require(placed.newOrderId)
            ids.append(id)
            if index % 2 == 1 {
                try recorded.run(.cancelOrder(CancelOrder(account: alice, market: TestMarkets.btcusdt, order: .id(id))), at: at)
            }
        }
        // Another account's and another market's orders never show.
        try recorded.run(.placeOrder(.limit(bob, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(40), quantity: TestMarkets.btc(1))),
                         at: time)
        try recorded.run(.placeOrder(.limit(alice, TestMarkets.ethusdt, .buy, price: TestMarkets.usdt(40), quantity: 10_000)),
                         at: time)
        return ids
    }

    @Test func allOrdersListsOldestFirstAndWithoutBoundsTheNewest() throws {
        var recorded = start
        let ids = try tenOrders(&recorded)
        let store = recorded.store
        func list(from: OrderId? = nil, start: Timestamp? = nil, end: Timestamp? = nil, limit: Int) throws -> [OrderId] {
            try store.orders(account: alice, market: TestMarkets.btcusdt, fromOrderId: from, startTime: start,
                             endTime: end, limit: limit).map(\.id)
        }
        #expect(try list(limit: 500) == ids)
        #expect(try list(limit: 3) == Array(ids.suffix(3)), "no bound: the newest, oldest first")
        #expect(try list(from: ids[4], limit: 3) == Array(ids[4...6]), "orderId: from it on")
        #expect(try list(from: ids[8], limit: 500) == Array(ids[8...]))
        #expect(try list(start: time + 2_000, limit: 2) == [ids[2], ids[3]], "startTime: oldest from it")
        #expect(try list(start: time + 2_000, end: time + 5_000, limit: 500) == Array(ids[2...5]), "both inclusive")
        #expect(try list(end: time + 5_000, limit: 2) == [ids[4], ids[5]], "endTime only: newest up to it")
        #expect(try list(from: ids[3], end: time + 6_000, limit: 500) == Array(ids[3...6]))
        #expect(try list(limit: 0).isEmpty)
        let statuses = try store.orders(account: alice, market: TestMarkets.btcusdt, fromOrderId: nil, startTime: nil,
                                        endTime: nil, limit: 500).map(\.status)
        #expect(statuses == (0..<10).map { $0 % 2 == 0 ? .new : .canceled })
    }
}
