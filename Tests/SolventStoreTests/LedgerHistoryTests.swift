import SolventCore
import SolventStore
import Testing
import SolventTestSupport

@Suite("Ledger entries: deposits and withdrawals")
struct LedgerHistoryTests {
    @Test func everyStepOfEveryWithdrawalIsKeptInOrder() throws {
        var recorded = try RecordedExchange.funded(accounts: 2)
        let alice = recorded.accounts[0]
        let t = Fixtures.newYear2024
        let requested = try recorded.run(.requestWithdrawal(alice, TestMarkets.btc, TestMarkets.one), at: t)
        let firstWithdrawal = try #require(requested.ledgerEntries.first?.withdrawal)
        try recorded.run(.confirmWithdrawal(firstWithdrawal), at: t + 1_000)
        let again = try recorded.run(.requestWithdrawal(alice, TestMarkets.usdt, 5 * TestMarkets.one), at: t + 2_000)
        let secondWithdrawal = try #require(again.ledgerEntries.first?.withdrawal)
        try recorded.run(.releaseWithdrawal(secondWithdrawal), at: t + 3_000)
        try recorded.run(.deposit(alice, TestMarkets.eth, 7), at: t + 4_000)

        let store = recorded.store
        let all = try store.ledgerEntries(account: alice, limit: 500)
        let expected = recorded.events.ledgerEntries.filter { $0.account == alice }
        #expect(all.map(\.kind) == expected.map(\.kind))
        #expect(all.map(\.amount) == expected.map(\.amount))
        #expect(all.map(\.time) == expected.map(\.time))
        #expect(Array(all.suffix(5).map(\.kind))
                == [.withdrawalRequested, .withdrawalConfirmed, .withdrawalRequested, .withdrawalReleased, .deposit])
        #expect(all.suffix(5).map(\.withdrawal) == [firstWithdrawal, firstWithdrawal, secondWithdrawal, secondWithdrawal, 0])
        #expect(all.last?.sequence == recorded.nextSequence - 1, "the entry names the command that made it")
        #expect(try store.ledgerEntries(account: alice, limit: 2).map(\.kind) == [.withdrawalReleased, .deposit])
        #expect(try store.ledgerEntries(account: alice, asset: TestMarkets.usdt, startTime: nil, endTime: nil, limit: 500)
                .map(\.kind) == [.deposit, .withdrawalRequested, .withdrawalReleased])
        #expect(try store.ledgerEntries(account: alice, asset: nil, startTime: t + 1_000, endTime: t + 3_000, limit: 500)
                .map(\.time) == [t + 1_000, t + 2_000, t + 3_000])
        #expect(try store.ledgerEntries(account: recorded.accounts[1], limit: 500).count == 3, "Bob's three deposits")
    }
}
