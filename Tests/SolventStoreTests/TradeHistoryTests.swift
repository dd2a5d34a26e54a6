import SolventCore
import SolventStore
import Testing
import SolventTestSupport

@Suite("Trades: myTrades, trades, historicalTrades, aggTrades material")
struct TradeHistoryTests {
    let start: RecordedExchange
    let alice: AccountId
    let bob: AccountId
    let time = Fixtures.newYear2024

    init() throws {
        start = try RecordedExchange.funded(accounts: 2)
        alice = start.accounts[0]
        bob = start.accounts[1]
    }

    @Test func bothSidesOfAFillAreMyTradesRowsWithTheirOwnCommission() throws {
        var recorded = start
        // Alice rests a sell of 0.001 BTC at 50,000 USDT; Bob's buy takes it: 50 USDT changes hands.
        let (trade, sellId, buyId) = try recorded.trade(maker: alice, taker: bob, takerSide: .buy,
                                                        price: TestMarkets.usdt(50_000), quantity: TestMarkets.btc(100),
                                                        at: time)
        #expect(trade.quote == TestMarkets.usdt(50))
        let store = recorded.store
        let sellerRows = try store.accountTrades(account: alice, market: TestMarkets.btcusdt, orderId: nil, fromId: nil,
                                                 startTime: nil, endTime: nil, limit: 500)
        // The seller receives quote and pays 0.1 % of it; the buyer receives base and pays 0.1 % of that.
        #expect(sellerRows == [AccountTrade(account: alice, market: TestMarkets.btcusdt, tradeId: trade.id, orderId: sellId,
                                            price: TestMarkets.usdt(50_000), quantity: TestMarkets.btc(100),
                                            quote: TestMarkets.usdt(50), commission: TestMarkets.usdt(0, 5),
                                            commissionAsset: TestMarkets.usdt, time: time, isBuyer: false, isMaker: true)])
        let buyerRows = try store.accountTrades(account: bob, market: TestMarkets.btcusdt, orderId: nil, fromId: nil,
                                                startTime: nil, endTime: nil, limit: 500)
        #expect(buyerRows == [AccountTrade(account: bob, market: TestMarkets.btcusdt, tradeId: trade.id, orderId: buyId,
                                           price: TestMarkets.usdt(50_000), quantity: TestMarkets.btc(100),
                                           quote: TestMarkets.usdt(50), commission: TestMarkets.btc(100) / 1_000,
                                           commissionAsset: TestMarkets.btc, time: time, isBuyer: true, isMaker: false)])
        let publicTrades = try store.trades(market: TestMarkets.btcusdt, fromId: nil, limit: 500)
        #expect(publicTrades == [trade])
        #expect(publicTrades.first?.isBuyerMaker == false)
        #expect(publicTrades.first?.takerOrderId == buyId)
    }

    @Test func aSelfTradeIsTwoRowsOfTheSameAccount() throws {
        var recorded = start
        let results = try recorded.batch(at: time, [
            .placeOrder(.limit(alice, TestMarkets.btcusdt, .sell, price: TestMarkets.usdt(100), quantity: TestMarkets.btc(2),
                               selfTradePreventionMode: SelfTradePreventionMode.none)),
            .placeOrder(.limit(alice, TestMarkets.btcusdt, .buy, price: TestMarkets.usdt(100), quantity: TestMarkets.btc(2),
                               selfTradePreventionMode: SelfTradePreventionMode.none)),
        ])
        let trade = try #require(results[1].trades.first)
        let rows = try recorded.store.accountTrades(account: alice, market: TestMarkets.btcusdt, orderId: nil, fromId: nil,
                                                    startTime: nil, endTime: nil, limit: 500)
        #expect(rows.map(\.tradeId) == [trade.id, trade.id])
        #expect(Set(rows.map(\.isBuyer)) == [true, false])
        #expect(Set(rows.map(\.isMaker)) == [true, false])
    }

    /// Six trades one minute apart, Alice always the maker; returns them with Alice's order ids.
    private func sixTrades(_ recorded: inout RecordedExchange) throws -> [(trade: Trade, aliceOrder: OrderId)] {
        try (0..<6).map { index in
            let result = try recorded.trade(maker: alice, taker: bob, takerSide: index % 2 == 0 ? .buy : .sell,
                                            price: TestMarkets.usdt(100 + Int64(index)), quantity: TestMarkets.btc(1),
                                            at: time + Int64(index) * Fixtures.minute)
            return (result.trade, result.maker)
        }
    }

    @Test func myTradesFiltersByOrderFromIdAndTime() throws {
        var recorded = start
        let six = try sixTrades(&recorded)
        let ids = six.map(\.trade.id)
        let store = recorded.store
        func list(order: OrderId? = nil, from: TradeId? = nil, start: Timestamp? = nil, end: Timestamp? = nil,
                  limit: Int = 500) throws -> [TradeId] {
            try store.accountTrades(account: alice, market: TestMarkets.btcusdt, orderId: order, fromId: from,
                                    startTime: start, endTime: end, limit: limit).map(\.tradeId)
        }
        #expect(try list() == ids)
        #expect(try list(limit: 2) == Array(ids.suffix(2)), "no bound: the newest, oldest first")
        #expect(try list(order: six[3].aliceOrder) == [ids[3]])
        #expect(try list(from: ids[2], limit: 2) == [ids[2], ids[3]])
        #expect(try list(start: time + Fixtures.minute, end: time + 3 * Fixtures.minute) == Array(ids[1...3]))
        #expect(try list(end: time + 3 * Fixtures.minute, limit: 1) == [ids[3]])
        #expect(try list(order: six[3].aliceOrder, from: ids[4]).isEmpty)
        #expect(try store.accountTrades(account: alice, market: TestMarkets.ethusdt, orderId: nil, fromId: nil,
                                        startTime: nil, endTime: nil, limit: 500).isEmpty)
    }

    @Test func recentHistoricalAndTimedTradesComeOldestFirst() throws {
        var recorded = start
        let trades = try sixTrades(&recorded).map { $0.trade }
        let store = recorded.store
        #expect(try store.trades(market: TestMarkets.btcusdt, fromId: nil, limit: 500) == trades)
        #expect(try store.trades(market: TestMarkets.btcusdt, fromId: nil, limit: 4) == Array(trades.suffix(4)))
        #expect(try store.trades(market: TestMarkets.btcusdt, fromId: trades[1].id, limit: 2) == Array(trades[1...2]))
        #expect(try store.trades(market: TestMarkets.btcusdt, startTime: time + Fixtures.minute,
                                 endTime: time + 2 * Fixtures.minute, limit: 500) == Array(trades[1...2]))
        #expect(try store.trades(market: TestMarkets.btcusdt, startTime: time + 1, endTime: nil, limit: 2)
                == Array(trades[1...2]))
        #expect(try store.trades(market: TestMarkets.btcusdt, startTime: nil, endTime: time + 4 * Fixtures.minute, limit: 2)
                == Array(trades[3...4]))
        #expect(try store.trades(market: TestMarkets.ethbtc, fromId: nil, limit: 500).isEmpty)
        #expect(try store.trades(market: TestMarkets.btcusdt, fromId: nil, limit: -3).isEmpty)
        #expect(trades.map(\.isBuyerMaker) == [false, true, false, true, false, true])
    }
}
