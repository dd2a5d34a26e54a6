import SolventCore
import SolventProof
import SolventTestSupport
import Testing

@Suite struct LiabilitySnapshotTests {
    @Test func exchangeSnapshotCountsFreeAndLockedOfEveryAccountFeeAccountIncluded() {
        var exchange = Exchange()
        for command in TestMarkets.setupCommands { _ = exchange.apply(command, at: 1) }
        _ = exchange.apply(.openAccount(nil), at: 2)
        _ = exchange.apply(.openAccount(nil), at: 2)
        _ = exchange.apply(.deposit(1, TestMarkets.btc, 3 * TestMarkets.one), at: 3)
        _ = exchange.apply(.deposit(2, TestMarkets.usdt, TestMarkets.usdt(70_000)), at: 3)
        _ = exchange.apply(.requestWithdrawal(1, TestMarkets.btc, TestMarkets.one), at: 4)

        let snapshot = LiabilitySnapshot(exchange: exchange)
        #expect(snapshot.assets.map(\.symbol) == ["BTC", "USDT", "ETH"])
        #expect(snapshot.accountIds == [0, 1, 2])
        // The pending withdrawal is locked, still owed to account 1.
        #expect(Array(snapshot.balances(row: 1)) == [UInt64(3 * TestMarkets.one), 0, 0])
        #expect(Array(snapshot.balances(row: 2)) == [0, UInt64(TestMarkets.usdt(70_000)), 0])
        let ledger = exchange.engine.ledger
        for asset in snapshot.assets.indices {
            let column = snapshot.accountIds.indices.reduce(Int128(0)) { $0 + Int128(snapshot.balances(row: $1)[$1 * 3 + asset]) }
            #expect(column == ledger.total(AssetId(asset)))
        }
    }
}
