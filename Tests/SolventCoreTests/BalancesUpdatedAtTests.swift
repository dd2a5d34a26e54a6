import Testing
@testable import SolventCore
import SolventTestSupport

/// `Account.balancesUpdatedAt`, what `/api/v3/account` reports as `updateTime`: the time of the
/// command that last changed one of the account's balances, free or locked, and nothing else's.
@Suite struct BalancesUpdatedAtTests {
    typealias T = TestMarkets
    static let (alice, bob): (AccountId, AccountId) = (1, 2)

    /// Markets listed, Alice and Bob opened at 1_000 and funded at 2_000.
    static func funded() -> Engine<FastBookUnderTest> {
        var engine = Engine<FastBookUnderTest>()
        for command in T.setupCommands + [.openAccount(nil), .openAccount(nil)] { _ = engine.apply(command, at: 1_000) }
        for account in [alice, bob] {
            _ = engine.apply(.deposit(account, T.usdt, T.usdt(100_000)), at: 2_000)
            _ = engine.apply(.deposit(account, T.btc, 10 * T.one), at: 2_000)
        }
        return engine
    }

    static func updatedAt(_ engine: Engine<FastBookUnderTest>, _ account: AccountId) -> Timestamp {
        engine.ledger.accounts[Int(account)].balancesUpdatedAt
    }

    @Test func anOpenedAccountStartsAtItsOpeningAndADepositMovesIt() {
        var engine = Engine<FastBookUnderTest>()
        _ = engine.apply(.listAsset(AssetSpec(name: "BTC")), at: 500)
        _ = engine.apply(.openAccount(nil), at: 1_000)
        #expect(Self.updatedAt(engine, 1) == 1_000)
        _ = engine.apply(.deposit(1, 0, 5), at: 3_000)
        #expect(Self.updatedAt(engine, 1) == 3_000)
        #expect(Self.updatedAt(engine, 0) == 0, "the fee account's balances did not move")
    }

    @Test func requestsThatChangeNoBalanceLeaveItAlone() {
        var engine = Self.funded()
        let refused: [Command] = [
            .placeOrder(.limit(Self.alice, T.btcusdt, .buy, price: T.usdt(50_000), quantity: 1_000 * T.one)),  // too dear
            .cancelOrder(CancelOrder(account: Self.alice, market: T.btcusdt, order: .id(999))),
            .cancelAllOrders(Self.alice, T.btcusdt),
            .requestWithdrawal(Self.alice, T.btc, 1_000 * T.one),
            .setFees(Self.alice, FeeSchedule(makerBasisPoints: 1, takerBasisPoints: 2)),
        ]
        for command in refused { _ = engine.apply(command, at: 9_000) }
        #expect(Self.updatedAt(engine, Self.alice) == 2_000)
    }

    @Test func aLockAFillAndTheFeeMoveEachTouchedAccountToTheirCommandsTime() {
        var engine = Self.funded()
        _ = engine.apply(.placeOrder(.limit(Self.alice, T.btcusdt, .buy, price: T.usdt(40_000), quantity: T.btc(50_000))),
                         at: 3_000)
        #expect(Self.updatedAt(engine, Self.alice) == 3_000, "the order locked USDT")
        #expect(Self.updatedAt(engine, Self.bob) == 2_000)
        let events = engine.apply(.placeOrder(NewOrder(account: Self.bob, market: T.btcusdt, side: .sell, type: .market,
                                                       quantity: T.btc(20_000))), at: 4_000)
        #expect(events.contains { if case .trade = $0 { true } else { false } })
        for account in [Self.alice, Self.bob, AccountId.feeAccount] {
            #expect(Self.updatedAt(engine, account) == 4_000, "account \(account)")
        }
        _ = engine.apply(.cancelAllOrders(Self.alice, T.btcusdt), at: 5_000)
        #expect(Self.updatedAt(engine, Self.alice) == 5_000, "the cancel unlocked the rest")
        #expect(Self.updatedAt(engine, Self.bob) == 4_000)
    }

    @Test func itSurvivesASnapshotAndIsInTheStateHash() throws {
        var engine = Self.funded()
        _ = engine.apply(.deposit(Self.bob, T.eth, 1), at: 7_000)
        let restored = try Engine<FastBookUnderTest>(encodedState: engine.encodedState())
        #expect(Self.updatedAt(restored, Self.bob) == 7_000)
        #expect(restored.stateHash() == engine.stateHash())
        var later = Self.funded()
        _ = later.apply(.deposit(Self.bob, T.eth, 1), at: 7_001)
        #expect(later.stateHash() != engine.stateHash(), "only the time differs")
    }
}
