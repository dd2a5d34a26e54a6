import Testing
@testable import SolventCore
import SolventTestSupport

private let btc = TestMarkets.btc
private let one = TestMarkets.one
private let ops = OperatorAction(operatorName: "alice@ops", reason: "checked the destination", reference: "TCK-7")

private func chainDeposit(_ account: AccountId, _ amount: Amount, txid: String = "aa01", vout: UInt32 = 0) -> ChainDeposit {
    ChainDeposit(account: account, asset: btc, amount: amount, outpoint: ChainOutpoint(txid: txid, vout: vout),
                 address: "bcrt1qdeposit\(account)")
}

private func request(_ account: AccountId, _ amount: Amount, fee: Amount = 0, approval: Bool = false) -> WithdrawalRequest {
    WithdrawalRequest(account: account, asset: btc, amount: amount, fee: fee, address: "bcrt1qoutside",
                      clientId: "wd-1", requiresApproval: approval)
}

extension [Event] {
    var custodyEvents: [CustodyEvent] { compactMap { if case .custody(let e) = $0 { e } else { nil } } }
    var ledgerEntries: [LedgerEntry] { compactMap { if case .ledger(let e) = $0 { e } else { nil } } }
}

@Suite("Custody: chain deposits, exactly once")
struct ChainDepositTests {
    @Test func aDepositIsPendingWhenSeenAndCreditedOnceWhenConfirmed() throws {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 0)
        let seen = x.run(.depositSeen(chainDeposit(1, 2 * one)))
        let event = try #require(seen.custodyEvents.first)
        #expect(event.kind == .depositSeen && event.amount == 2 * one && event.account == 1)
        #expect(x.balance(1, btc) == .zero, "a pending deposit is not spendable")
        #expect(x.engine.chainDeposit(event.id)?.state == .pending)

        let credited = x.run(.creditDeposit(event.id))
        #expect(credited.ledgerEntries.map(\.kind) == [.deposit])
        #expect(credited.custodyEvents.map(\.kind) == [.depositCredited])
        #expect(x.balance(1, btc) == Balance(free: 2 * one, locked: 0))
        #expect(x.engine.ledger.deposited[Int(btc)] == 2 * one)

        // A second credit, a re-scan that sees the deposit again: nothing moves.
        #expect(x.run(.creditDeposit(event.id)).rejections == [.depositNotPending])
        #expect(x.run(.depositSeen(chainDeposit(1, 2 * one))).rejections == [.duplicateDeposit])
        #expect(x.run(.depositSeen(chainDeposit(1, 5 * one))).rejections == [.duplicateDeposit],
                "the same outpoint with another amount is still the same deposit")
        #expect(x.balance(1, btc).free == 2 * one)
        // Another output of the same transaction is another deposit.
        #expect(x.run(.depositSeen(chainDeposit(1, one, vout: 1))).rejections.isEmpty)
    }

    @Test func aReorgDropsAPendingDepositWhichMayComeBackButNeverACreditedOne() throws {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 0)
        let id = try #require(x.run(.depositSeen(chainDeposit(1, one))).custodyEvents.first?.id)
        #expect(x.run(.dropDeposit(id)).custodyEvents.map(\.kind) == [.depositDropped])
        #expect(x.run(.creditDeposit(id)).rejections == [.depositNotPending])
        #expect(x.run(.dropDeposit(id)).rejections == [.depositNotPending])

        // Mined again in the new chain: the same record, pending again.
        let again = x.run(.depositSeen(chainDeposit(1, one)))
        #expect(again.custodyEvents.map(\.id) == [id])
        x.run(.creditDeposit(id))
        #expect(x.balance(1, btc).free == one)
        // The written policy: a credited deposit is never taken back by the engine.
        #expect(x.run(.dropDeposit(id)).rejections == [.depositAlreadyCredited])
        #expect(x.balance(1, btc).free == one)
        #expect(x.engine.chainDeposit(id)?.state == .credited)
    }

    @Test func badDepositsAreRefused() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 0)
        #expect(x.run(.depositSeen(chainDeposit(9, one))).rejections == [.unknownAccount])
        #expect(x.run(.depositSeen(chainDeposit(1, 0))).rejections == [.invalidAmount])
        #expect(x.run(.depositSeen(chainDeposit(1, one, txid: "has space"))).rejections == [.invalidChainReference])
        #expect(x.run(.depositSeen(chainDeposit(1, one, txid: ""))).rejections == [.invalidChainReference])
        #expect(x.run(.creditDeposit(77)).rejections == [.unknownDeposit])
    }

    @Test func depositsAndTheChainCursorSurviveASnapshotAndReplayedCommandsStillCreditOnce() throws {
        var x = TestExchange<FastBook>(accounts: 1, funding: 0)
        let first = try #require(x.run(.depositSeen(chainDeposit(1, one))).custodyEvents.first?.id)
        let second = try #require(x.run(.depositSeen(chainDeposit(1, 3 * one, txid: "bb02"))).custodyEvents.first?.id)
        x.run(.creditDeposit(first))
        x.run(.setChainCursor(btc, ChainCursor(height: 120, blockHash: "00ff")))
        #expect(x.run(.setChainCursor(btc, ChainCursor(height: -1, blockHash: "00ff"))).rejections == [.invalidChainReference])

        var restored = try Engine<FastBook>(encodedState: x.engine.encodedState())
        #expect(restored.stateHash() == x.engine.stateHash())
        #expect(restored.chainCursor(btc) == ChainCursor(height: 120, blockHash: "00ff"))
        #expect(restored.chainDepositId(ChainOutpoint(txid: "bb02", vout: 0)) == second)
        // The journal after the snapshot is replayed: the credit of `first` is refused, `second` still credits.
        #expect(restored.apply(.creditDeposit(first), at: x.time + 1).rejections == [.depositNotPending])
        #expect(restored.apply(.depositSeen(chainDeposit(1, one)), at: x.time + 2).rejections == [.duplicateDeposit])
        #expect(restored.apply(.creditDeposit(second), at: x.time + 3).rejections.isEmpty)
        #expect(restored.balance(of: 1, btc).free == 4 * one)
        #expect(restored.invariantViolations().isEmpty)
    }

    @Test func theInvariantsCatchACreditWithoutMoneyAndAnIndexOutOfStep() throws {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 0)
        let id = try #require(x.run(.depositSeen(chainDeposit(1, one))).custodyEvents.first?.id)
        var forged = x.engine
        forged.custody.deposits[id]?.state = .credited
        forged.custody.deposits[id]?.creditedAt = 1
        #expect(forged.invariantViolations().contains { $0.contains("chain deposits credited") })
        var unindexed = x.engine
        unindexed.custody.depositsByOutpoint = [:]
        #expect(unindexed.invariantViolations().contains { $0.contains("outpoint index") })
        var leaked = x.engine
        leaked.ledger.creditFree(1, btc, 5)
        #expect(leaked.invariantViolations().contains { $0.contains("balances + pending withdrawals") })
    }
}

@Suite("Custody: withdrawals to an address")
struct ChainWithdrawalTests {
    @Test func anApprovedBroadcastWithdrawalIsDebitedWithItsFeeToTheFeeAccount() throws {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 10 * one)
        let held = x.run(.requestChainWithdrawal(request(1, 4 * one, fee: one / 100, approval: true)))
        let id = try #require(held.ledgerEntries.first?.withdrawal)
        #expect(held.custodyEvents.map(\.kind) == [.withdrawalAwaitingApproval])
        #expect(x.balance(1, btc) == Balance(free: 6 * one, locked: 4 * one))
        #expect(x.engine.pendingWithdrawal(id)?.state == .awaitingApproval)

        // Nothing leaves before an operator says so.
        #expect(x.run(.confirmWithdrawal(id)).rejections == [.withdrawalNotApproved])
        #expect(x.run(.broadcastWithdrawal(id, txid: "cc03")).rejections == [.withdrawalNotApproved])
        #expect(x.run(.approveWithdrawal(id, OperatorAction(operatorName: "alice", reason: ""))).rejections
                == [.invalidOperatorAction])
        #expect(x.run(.approveWithdrawal(id, ops)).custodyEvents.map(\.kind) == [.withdrawalApproved])
        #expect(x.run(.approveWithdrawal(id, ops)).rejections == [.withdrawalNotAwaitingApproval])

        #expect(x.run(.broadcastWithdrawal(id, txid: "cc03")).custodyEvents.map(\.kind) == [.withdrawalBroadcast])
        #expect(x.engine.pendingWithdrawal(id)?.txid == "cc03")
        #expect(x.run(.broadcastWithdrawal(id, txid: "cc04")).rejections == [.withdrawalNotApproved], "sent once")
        #expect(x.run(.rejectWithdrawal(id, ops)).rejections == [.withdrawalNotAwaitingApproval], "too late to refuse")

        let confirmed = x.run(.confirmWithdrawal(id))
        #expect(confirmed.ledgerEntries.map(\.kind) == [.withdrawalConfirmed])
        #expect(x.balance(1, btc) == Balance(free: 6 * one, locked: 0))
        #expect(x.balance(.feeAccount, btc).free == one / 100)
        #expect(x.engine.ledger.withdrawn[Int(btc)] == 4 * one - one / 100)
        #expect(x.engine.pendingWithdrawal(id) == nil)
    }

    @Test func aFailedBroadcastAndAnOperatorsRejectionReleaseTheHold() throws {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: 10 * one)
        let failed = try #require(x.run(.requestChainWithdrawal(request(1, 3 * one))).ledgerEntries.first?.withdrawal)
        #expect(x.engine.pendingWithdrawal(failed)?.state == .approved, "below the threshold: no approval needed")
        x.run(.broadcastWithdrawal(failed, txid: "dd05"))
        #expect(x.run(.releaseWithdrawal(failed)).ledgerEntries.map(\.kind) == [.withdrawalReleased])
        #expect(x.balance(1, btc) == Balance(free: 10 * one, locked: 0))

        let refused = try #require(x.run(.requestChainWithdrawal(request(1, 2 * one, approval: true))).ledgerEntries.first?.withdrawal)
        let rejection = x.run(.rejectWithdrawal(refused, ops))
        #expect(rejection.ledgerEntries.map(\.kind) == [.withdrawalReleased])
        #expect(rejection.custodyEvents.map(\.kind) == [.withdrawalRejected])
        #expect(x.balance(1, btc) == Balance(free: 10 * one, locked: 0))
        #expect(x.engine.ledger.withdrawn[Int(btc)] == 0)
    }

    @Test func badWithdrawalsAreRefused() {
        var x = TestExchange<ScenarioBook>(accounts: 1, funding: one)
        #expect(x.run(.requestChainWithdrawal(request(1, one, fee: one))).rejections == [.withdrawalFeeNotCovered])
        #expect(x.run(.requestChainWithdrawal(request(1, one, fee: -1))).rejections == [.withdrawalFeeNotCovered])
        #expect(x.run(.requestChainWithdrawal(request(1, 2 * one))).rejections == [.insufficientBalance])
        var bad = request(1, one)
        bad.address = "bc1 space"
        #expect(x.run(.requestChainWithdrawal(bad)).rejections == [.invalidAddress])
        #expect(x.run(.broadcastWithdrawal(1, txid: "")).rejections == [.invalidChainReference])
        #expect(x.balance(1, btc) == Balance(free: one, locked: 0))
        // An operator's hold has no address: it cannot be broadcast, only confirmed or released.
        x.run(.requestWithdrawal(1, btc, one))
        #expect(x.run(.broadcastWithdrawal(1, txid: "ee06")).rejections == [.withdrawalNotApproved])
    }
}

@Suite("Custody: account freeze")
struct AccountFreezeTests {
    @Test func aFreezeCancelsOrdersStopsTradingAndWithdrawalsButNotDeposits() throws {
        var x = TestExchange<ScenarioBook>(accounts: 2, funding: 10 * one)
        x.limit(1, .sell, price: TestMarkets.usdt(100), quantity: TestMarkets.btc(1_000))
        x.limit(1, .buy, price: TestMarkets.usdt(50), quantity: TestMarkets.btc(1_000))
        let pending = try #require(x.run(.requestChainWithdrawal(request(1, one, approval: true))).ledgerEntries.first?.withdrawal)

        #expect(x.run(.freezeAccount(1, OperatorAction(operatorName: "", reason: "x"))).rejections == [.invalidOperatorAction])
        let frozen = x.run(.freezeAccount(1, OperatorAction(operatorName: "bob", reason: "court order", reference: "C-12/2026")))
        let cancels = frozen.orderEvents
        #expect(cancels.count == 2 && cancels.allSatisfy { $0.order.status == .canceled && $0.order.expiryReason == .exchangeCanceled })
        #expect(frozen.custodyEvents.map(\.kind) == [.accountFrozen])
        #expect(x.engine.openOrders(TestMarkets.btcusdt, .sell).isEmpty)
        #expect(x.balance(1, btc).locked == one, "only the withdrawal's hold is left")

        #expect(x.limit(1, .buy, price: TestMarkets.usdt(50), quantity: TestMarkets.btc(1_000)).rejections == [.tradingDisabled])
        #expect(x.run(.requestChainWithdrawal(request(1, one))).rejections == [.accountFrozen])
        #expect(x.run(.requestWithdrawal(1, btc, one)).rejections == [.accountFrozen])
        #expect(x.run(.approveWithdrawal(pending, ops)).rejections == [.accountFrozen])
        #expect(x.run(.freezeAccount(1, ops)).rejections == [.accountFrozen])

        let id = try #require(x.run(.depositSeen(chainDeposit(1, one))).custodyEvents.first?.id)
        #expect(x.run(.creditDeposit(id)).rejections.isEmpty, "deposits are still credited")
        #expect(x.balance(1, btc).free == 10 * one)

        #expect(x.run(.unfreezeAccount(1, ops)).custodyEvents.map(\.kind) == [.accountUnfrozen])
        #expect(x.run(.unfreezeAccount(1, ops)).rejections == [.accountNotFrozen])
        #expect(x.limit(1, .buy, price: TestMarkets.usdt(50), quantity: TestMarkets.btc(1_000)).rejections.isEmpty)
        #expect(x.run(.approveWithdrawal(pending, ops)).rejections.isEmpty)
        #expect(x.run(.freezeAccount(.feeAccount, ops)).rejections == [.unknownAccount])
    }
}

@Suite("Custody: rolling 24-hour withdrawal limits")
struct WithdrawalLimitTests {
    @Test func limitsPerAccountAndPerAssetRollOverADay() throws {
        var x = TestExchange<ScenarioBook>(accounts: 2, funding: 10 * one)
        #expect(x.run(.setWithdrawalLimits(btc, WithdrawalLimits(perAccount: 3 * one, perAsset: 5 * one),
                                           OperatorAction(operatorName: "ops", reason: ""))).rejections == [.invalidOperatorAction])
        x.run(.setWithdrawalLimits(btc, WithdrawalLimits(perAccount: 3 * one, perAsset: 5 * one), ops))
        #expect(x.run(.requestChainWithdrawal(request(1, 2 * one))).rejections.isEmpty)
        let released = try #require(x.run(.requestChainWithdrawal(request(1, one))).ledgerEntries.first?.withdrawal)
        x.run(.releaseWithdrawal(released))
        #expect(x.run(.requestChainWithdrawal(request(1, 1))).rejections == [.withdrawalLimitExceeded],
                "a released withdrawal still counts, as Binance's quota does")
        #expect(x.run(.requestChainWithdrawal(request(2, 2 * one))).rejections.isEmpty)
        #expect(x.run(.requestChainWithdrawal(request(2, 1))).rejections == [.withdrawalLimitExceeded], "5 over the asset")
        #expect(RejectReason.withdrawalLimitExceeded.code == -4023)
        // An operator's hold is not limited; the limits survive a snapshot.
        #expect(x.run(.requestWithdrawal(1, btc, one)).rejections.isEmpty)
        var restored = try Engine<ScenarioBook>(encodedState: x.engine.encodedState())
        #expect(restored.stateHash() == x.engine.stateHash())
        #expect(restored.apply(.requestChainWithdrawal(request(1, 1)), at: x.time + 1).rejections == [.withdrawalLimitExceeded])
        // A day later the window is empty again.
        x.time += WithdrawalLimits.windowMilliseconds
        #expect(x.run(.requestChainWithdrawal(request(1, 3 * one))).rejections.isEmpty)
    }
}
