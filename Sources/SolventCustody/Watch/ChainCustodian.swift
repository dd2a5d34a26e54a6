import SolventCore
import SolventJournal
import Synchronization

/// Custody of one asset: watches its chain for deposits and pays its withdrawals, reading the
/// journal through the `CustodyFeed` (the consumer of committed batches) and turning what it sees on
/// the chain into journaled commands. It decides only on durable facts, and each decision is a
/// command the engine checks again, so a crash anywhere leaves nothing half done:
///
/// - deposits: a scan from the journaled cursor records new deposits (`depositSeen`), credits those
///   with their confirmations, drops pending ones a reorg took, then journals the new cursor. A
///   restart rescans from the last journaled cursor; what it finds again the engine refuses.
/// - withdrawals: an approved withdrawal is sent with the reference `withdrawal:<id>`; before
///   sending, the wallet is asked whether it already sent one with that reference, so a crash
///   between "sent" and "journaled" ends in one payment and a `broadcastWithdrawal` of it.
///   A broadcast one is confirmed at the required confirmations, released if the chain says it
///   conflicted (it can never confirm, so the money did not leave).
public final class ChainCustodian: Sendable {
    public struct Policy: Sendable {
        public var confirmationsRequired: Int
        /// Above this the hot wallet's surplus is swept to `coldAddress` (nil: never).
        public var hotCeiling: Amount?
        /// A payment that would leave the hot wallet below this waits, and the operator is told.
        public var hotFloor: Amount
        /// The cold wallet's address sweeps pay to.
        public var coldAddress: String?

        public init(confirmationsRequired: Int, hotCeiling: Amount? = nil, hotFloor: Amount = 0, coldAddress: String? = nil) {
            self.confirmationsRequired = max(1, confirmationsRequired)
            self.hotCeiling = hotCeiling
            self.hotFloor = max(0, hotFloor)
            self.coldAddress = coldAddress
        }
    }

    /// What one pass did, for logs, metrics and tests.
    public struct Pass: Equatable, Sendable {
        public var commands: [Command] = []
        public var refusals: [RejectReason] = []
        public var incidents: [String] = []
        /// Withdrawals waiting for the hot wallet to be refilled.
        public var queued: [WithdrawalId] = []
        /// What was swept to the cold wallet, if anything.
        public var sweptTxid: String?
        /// The hot wallet's spendable balance once the pass was done.
        public var hotBalance: Amount?
    }

    public let asset: AssetId
    public let policy: Policy
    private let adapter: any ChainAdapter
    private let sequencer: Sequencer
    private let feed: CustodyFeed

    public init(asset: AssetId, adapter: any ChainAdapter, policy: Policy, sequencer: Sequencer, feed: CustodyFeed) {
        self.asset = asset
        self.adapter = adapter
        self.policy = policy
        self.sequencer = sequencer
        self.feed = feed
    }

    /// What the journal says of this asset now (empty before it is listed).
    public var snapshot: CustodyView { feed.view(asset) ?? CustodyView(asset: asset, position: feed.position) }

    /// The account's deposit address (a fresh one each call; every one stays the account's).
    public func depositAddress(for account: AccountId) async throws -> String {
        try await adapter.newAddress(label: DepositAddresses.label(of: account))
    }

    /// One pass: deposits, then withdrawals.
    public func runOnce() async throws -> Pass {
        var pass = Pass()
        try await watchDeposits(&pass)
        try await payWithdrawals(&pass)
        try await sweepSurplus(&pass)
        pass.hotBalance = try await adapter.balance()
        return pass
    }

    private func watchDeposits(_ pass: inout Pass) async throws {
        let start = snapshot
        let scan = try await adapter.transfers(since: start.cursor, confirmationsTarget: policy.confirmationsRequired)
        let plan = DepositPlan(scan: scan, view: start)
        pass.incidents += plan.incidents
        for deposit in plan.seen { try await submit(.depositSeen(deposit), &pass) }
        for id in plan.drops { try await submit(.dropDeposit(id), &pass) }
        for id in DepositPlan.credits(scan: scan, view: snapshot, confirmationsRequired: policy.confirmationsRequired) {
            try await submit(.creditDeposit(id), &pass)
        }
        if scan.cursor != snapshot.cursor { try await submit(.setChainCursor(asset, scan.cursor), &pass) }
    }

    private func payWithdrawals(_ pass: inout Pass) async throws {
        let current = snapshot
        for (id, withdrawal) in current.withdrawals.sorted(by: { $0.key < $1.key }) {
            switch withdrawal.state {
            case .awaitingApproval:
                continue
            case .approved where !current.frozen.contains(withdrawal.account):
                guard let txid = try await pay(id, withdrawal, &pass) else { continue }
                try await submit(.broadcastWithdrawal(id, txid: txid), &pass)
            case .approved:
                continue
            case .broadcast:
                guard let confirmations = try await adapter.confirmations(txid: withdrawal.txid) else { continue }
                if confirmations >= policy.confirmationsRequired {
                    try await submit(.confirmWithdrawal(id), &pass)
                } else if confirmations < 0 {
                    try await submit(.releaseWithdrawal(id), &pass)
                }
            }
        }
    }

    /// The payment of withdrawal `id`: the one already sent with its reference, else a new one.
    /// A hot wallet too low to pay leaves the withdrawal queued and tells the operator.
    private func pay(_ id: WithdrawalId, _ withdrawal: PendingWithdrawal, _ pass: inout Pass) async throws -> String? {
        let reference = Self.reference(of: id)
        if let sent = try await adapter.sentTransaction(reference: reference) { return sent }
        let payment = withdrawal.amount - withdrawal.fee
        if try await adapter.balance() - payment < policy.hotFloor {
            pass.queued.append(id)
            pass.incidents.append("withdrawal \(id) waits: paying \(payment) would leave the hot wallet below its floor")
            return nil
        }
        do {
            return try await adapter.send(to: withdrawal.destination, amount: withdrawal.amount - withdrawal.fee,
                                          reference: reference)
        } catch JSONRPCClient.Failure.rpc(let code, _) where code == Self.insufficientFundsCode {
            pass.incidents.append("withdrawal \(id) waits: the hot wallet cannot pay \(withdrawal.amount - withdrawal.fee)")
            return nil
        }
    }

    /// Withdrawals are paid from the hot wallet only; what it holds above its ceiling goes to cold.
    /// Sent as a wallet payment with a reference of its own, so it is never mistaken for a deposit.
    private func sweepSurplus(_ pass: inout Pass) async throws {
        guard let ceiling = policy.hotCeiling, let cold = policy.coldAddress else { return }
        let balance = try await adapter.balance()
        guard balance > ceiling + Self.sweepFeeReserve else { return }
        pass.sweptTxid = try await adapter.send(to: cold, amount: balance - ceiling - Self.sweepFeeReserve,
                                                reference: "sweep")
    }

    /// Left in the hot wallet by a sweep, for the sweep's own network fee.
    static let sweepFeeReserve: Amount = 100_000

    /// bitcoind's "Insufficient funds".
    static let insufficientFundsCode: Int64 = -6

    /// The reference a withdrawal's payment carries on the chain.
    public static func reference(of id: WithdrawalId) -> String { "withdrawal:\(id)" }

    /// Journals `command` and waits until the view has seen it, so the next decision sees it too.
    private func submit(_ command: Command, _ pass: inout Pass) async throws {
        let outcome = try await sequencer.execute(command)
        pass.commands.append(command)
        for case .rejected(let rejection) in outcome.events { pass.refusals.append(rejection.reason) }
        try await feed.waitUntilApplied(outcome.sequence)
    }
}
