import Testing
@testable import SolventCustody
import SolventCore
import SolventJournal

private let approver = OperatorAction(operatorName: "carol", reason: "large withdrawal checked", reference: "T-9")

@Suite("Custody of a chain: deposits and withdrawals through the journal", .serialized)
struct ChainCustodianTests {
    @Test func aDepositIsSeenThenCreditedAtItsConfirmationsOnceAcrossARestart() async throws {
        let chain = try ChainFixture()
        var exchange = try await ExchangeFixture.listed()
        var custodian = try await exchange.custodian(chain)
        let address = try await custodian.depositAddress(for: 1)
        let txid = try chain.pay(address, 50_000_000)

        var pass = try await custodian.runOnce()
        #expect(pass.commands.contains { if case .depositSeen(let d) = $0 { d.outpoint.txid == txid && d.account == 1 } else { false } })
        #expect(try await exchange.balance(1) == .zero, "in the mempool: seen, not credited")
        try chain.mine(2)
        pass = try await custodian.runOnce()
        #expect(!pass.commands.contains { if case .creditDeposit = $0 { true } else { false } }, "2 of 3 confirmations")
        try chain.mine(1)
        pass = try await custodian.runOnce()
        #expect(pass.commands.contains { if case .creditDeposit = $0 { true } else { false } })
        #expect(try await exchange.balance(1).free == 50_000_000)
        let cursor = try #require(custodian.snapshot.cursor)

        // Restart: the cursor comes back from the journal; a rescan credits nothing again.
        exchange = try exchange.restarted()
        custodian = try await exchange.custodian(chain)
        #expect(custodian.snapshot.cursor == cursor)
        pass = try await custodian.runOnce()
        #expect(pass.commands.allSatisfy { if case .setChainCursor = $0 { true } else { false } }, "\(pass.commands)")
        // Even a custodian that forgot everything (no cursor: a full rescan) cannot credit twice.
        _ = try await exchange.run(.depositSeen(ChainDeposit(account: 1, asset: 0, amount: 50_000_000,
                                                             outpoint: ChainOutpoint(txid: txid, vout: 0), address: address)))
        #expect(try await exchange.balance(1).free == 50_000_000)
        #expect(try await exchange.invariantViolations().isEmpty)
        exchange.sequencer.stop()
    }

    @Test func aReorgDropsAPendingDepositAndLeavesACreditedOneWithAnIncident() async throws {
        let chain = try ChainFixture()
        let exchange = try await ExchangeFixture.listed()
        let custodian = try await exchange.custodian(chain, confirmations: 2)
        let address = try await custodian.depositAddress(for: 1)
        let miner = chain.rpc.minerAddress

        let dropped = try chain.pay(address, 1_000_000)
        try chain.mine(1)
        _ = try await custodian.runOnce()
        try chain.rpc.withChain { try $0.reorg(depth: 1, keepTransactions: false, minedTo: miner) }
        var pass = try await custodian.runOnce()
        let id = try #require(custodian.snapshot.deposits[ChainOutpoint(txid: dropped, vout: 0)])
        #expect(id.state == .dropped, "\(pass.commands)")
        #expect(try await exchange.balance(1) == .zero)

        let credited = try chain.pay(address, 2_000_000)
        try chain.mine(2)
        _ = try await custodian.runOnce()
        #expect(try await exchange.balance(1).free == 2_000_000)
        try chain.rpc.withChain { try $0.reorg(depth: 2, keepTransactions: false, minedTo: miner) }
        pass = try await custodian.runOnce()
        #expect(pass.incidents.contains { $0.contains(credited) }, "\(pass)")
        #expect(try await exchange.balance(1).free == 2_000_000, "the written policy: a credit is never taken back")
        #expect(try await exchange.invariantViolations().isEmpty)
        exchange.sequencer.stop()
    }

    @Test func aWithdrawalWaitsForApprovalIsPaidOnceAndConfirmed() async throws {
        let chain = try ChainFixture()
        let exchange = try await ExchangeFixture.listed()
        let custodian = try await exchange.custodian(chain)
        _ = try await exchange.run(.deposit(1, 0, 300_000_000))
        // The hot wallet holds the deposits it paid for.
        try chain.pay(try await custodian.depositAddress(for: 0), 500_000_000)
        try chain.mine(1)

        let outcome = try await exchange.run(.requestChainWithdrawal(WithdrawalRequest(
            account: 1, asset: 0, amount: 100_000_000, fee: 10_000, address: chain.outside, requiresApproval: true)))
        let id = try #require(outcome.events.compactMap { if case .ledger(let e) = $0 { e.withdrawal } else { nil } }.first)
        var pass = try await custodian.runOnce()
        #expect(!pass.commands.contains { if case .broadcastWithdrawal = $0 { true } else { false } }, "not approved yet")

        _ = try await exchange.run(.approveWithdrawal(id, approver))
        pass = try await custodian.runOnce()
        #expect(pass.commands.contains { if case .broadcastWithdrawal(id, _) = $0 { true } else { false } })
        pass = try await custodian.runOnce()
        #expect(pass.commands.filter { if case .broadcastWithdrawal = $0 { true } else { false } }.isEmpty, "paid once")
        try chain.mine(3)
        pass = try await custodian.runOnce()
        #expect(pass.commands.contains(.confirmWithdrawal(id)))
        #expect(try await exchange.balance(1) == Balance(free: 200_000_000, locked: 0))
        let received = chain.rpc.withChain { $0.received(by: chain.outside, confirmationsMin: 1) }
        #expect(received == 100_000_000 - 10_000, "the chain paid the amount less the fee, once")
        #expect(try await exchange.invariantViolations().isEmpty)
        exchange.sequencer.stop()
    }

    @Test func aPaymentSentBeforeACrashIsJournaledNotSentAgain() async throws {
        let chain = try ChainFixture()
        let exchange = try await ExchangeFixture.listed()
        let custodian = try await exchange.custodian(chain)
        _ = try await exchange.run(.deposit(1, 0, 300_000_000))
        try chain.pay(try await custodian.depositAddress(for: 0), 500_000_000)
        try chain.mine(1)
        let outcome = try await exchange.run(.requestChainWithdrawal(WithdrawalRequest(
            account: 1, asset: 0, amount: 40_000_000, fee: 0, address: chain.outside, requiresApproval: false)))
        let id = try #require(outcome.events.compactMap { if case .ledger(let e) = $0 { e.withdrawal } else { nil } }.first)
        // The custodian sent the payment and died before journaling it.
        let sent = try await chain.adapter.send(to: chain.outside, amount: 40_000_000, reference: ChainCustodian.reference(of: id))

        let pass = try await custodian.runOnce()
        #expect(pass.commands.contains(.broadcastWithdrawal(id, txid: sent)))
        try chain.mine(3)
        _ = try await custodian.runOnce()
        let received = chain.rpc.withChain { $0.received(by: chain.outside, confirmationsMin: 1) }
        #expect(received == 40_000_000, "one payment, not two")
        #expect(try await exchange.balance(1).free == 260_000_000)
        exchange.sequencer.stop()
    }

    @Test func aConflictedPaymentReleasesTheHoldAndAFrozenAccountIsNotPaid() async throws {
        let chain = try ChainFixture()
        let exchange = try await ExchangeFixture.listed()
        let custodian = try await exchange.custodian(chain)
        _ = try await exchange.run(.deposit(1, 0, 300_000_000))
        try chain.pay(try await custodian.depositAddress(for: 0), 500_000_000)
        try chain.mine(1)
        let request = WithdrawalRequest(account: 1, asset: 0, amount: 10_000_000, fee: 0, address: chain.outside,
                                        requiresApproval: false)
        _ = try await exchange.run(.requestChainWithdrawal(request))
        _ = try await custodian.runOnce()
        try chain.mine(1)
        let miner = chain.rpc.minerAddress
        try chain.rpc.withChain { try $0.reorg(depth: 1, keepTransactions: false, minedTo: miner) }
        let pass = try await custodian.runOnce()
        #expect(pass.commands.contains(.releaseWithdrawal(1)), "\(pass.commands)")
        #expect(try await exchange.balance(1) == Balance(free: 300_000_000, locked: 0))

        _ = try await exchange.run(.requestChainWithdrawal(request))
        _ = try await exchange.run(.freezeAccount(1, approver))
        let frozen = try await custodian.runOnce()
        #expect(!frozen.commands.contains { if case .broadcastWithdrawal = $0 { true } else { false } })
        #expect(try await exchange.invariantViolations().isEmpty)
        exchange.sequencer.stop()
    }
}

@Suite("Custody of a chain: hot and cold wallets", .serialized)
struct HotColdTests {
    @Test func theSurplusIsSweptToColdAndAPaymentBelowTheFloorWaits() async throws {
        let chain = try ChainFixture()
        let exchange = try await ExchangeFixture.listed()
        let cold = try chain.rpc.withChain { try $0.newAddress(wallet: "cold", label: "vault") }
        let feed = try await CustodyFeed(sequencer: exchange.sequencer, cursor: exchange.cursor)
        let custodian = ChainCustodian(asset: 0, adapter: chain.adapter,
                                       policy: .init(confirmationsRequired: 1, hotCeiling: 200_000_000,
                                                     hotFloor: 150_000_000, coldAddress: cold),
                                       sequencer: exchange.sequencer, feed: feed)
        let address = try await custodian.depositAddress(for: 1)
        try chain.pay(address, 500_000_000)
        try chain.mine(1)
        let pass = try await custodian.runOnce()
        #expect(pass.sweptTxid != nil)
        try chain.mine(1)
        #expect(chain.rpc.withChain { $0.balance(of: "cold") } == 500_000_000 - 200_000_000 - ChainCustodian.sweepFeeReserve)
        #expect(try await chain.adapter.balance() == 200_000_000 + ChainCustodian.sweepFeeReserve - 1_000)
        #expect(try await exchange.balance(1).free == 500_000_000, "the user's balance is the exchange's liability, wherever the coins sit")

        let outcome = try await exchange.run(.requestChainWithdrawal(WithdrawalRequest(
            account: 1, asset: 0, amount: 100_000_000, fee: 0, address: chain.outside, requiresApproval: false)))
        let id = try #require(outcome.events.compactMap { if case .ledger(let e) = $0 { e.withdrawal } else { nil } }.first)
        let waiting = try await custodian.runOnce()
        #expect(waiting.queued == [id], "\(waiting)")
        #expect(chain.rpc.withChain { $0.received(by: chain.outside, confirmationsMin: 0) } == 0)
        // The operator refills the hot wallet from cold: the payment goes out.
        let hot = try await chain.adapter.newAddress(label: "refill")
        _ = try chain.rpc.withChain { try $0.send(from: "cold", to: hot, amount: 100_000_000, comment: "") }
        let paid = try await custodian.runOnce()
        #expect(paid.commands.contains { if case .broadcastWithdrawal(id, _) = $0 { true } else { false } })
        exchange.sequencer.stop()
    }
}
