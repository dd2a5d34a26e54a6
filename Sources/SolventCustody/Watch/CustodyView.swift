import SolventCore
import SolventJournal

/// What custody needs to know of the exchange for one asset, kept from committed batches: the
/// chain deposits it has recorded, the withdrawals in flight that pay an address, the frozen
/// accounts and the journaled chain cursor. Seeded from the exchange's state at a sequence, then
/// advanced by every batch after it, so its decisions are only ever made on durable facts.
public struct CustodyView: Sendable {
    public struct Deposit: Hashable, Sendable {
        public var id: DepositId
        public var state: DepositRecord.State
    }

    public let asset: AssetId
    public private(set) var deposits: [ChainOutpoint: Deposit] = [:]
    private var outpoints: [DepositId: ChainOutpoint] = [:]
    public private(set) var withdrawals: [WithdrawalId: PendingWithdrawal] = [:]
    public private(set) var frozen: Set<AccountId> = []
    public private(set) var cursor: ChainCursor?
    /// The last sequence this view reflects.
    public private(set) var position: UInt64

    /// An asset listed at record `position`: nothing recorded yet.
    public init(asset: AssetId, position: UInt64) {
        self.asset = asset
        self.position = position
    }

    /// The view of `exchange` as it stood after record `position`.
    public init(asset: AssetId, exchange: Exchange, position: UInt64) {
        self.asset = asset
        self.position = position
        let engine = exchange.engine
        for (id, record) in engine.chainDeposits where record.deposit.asset == asset {
            deposits[record.deposit.outpoint] = Deposit(id: id, state: record.state)
            outpoints[id] = record.deposit.outpoint
        }
        withdrawals = engine.pendingWithdrawals.filter { $0.value.asset == asset && !$0.value.destination.isEmpty }
        for account in 0..<engine.ledger.accountCount where engine.ledger.accounts[account].frozen {
            frozen.insert(AccountId(account))
        }
        cursor = engine.chainCursor(asset)
    }

    /// Applies the part of `batch` after `position`.
    public mutating func apply(_ batch: CommittedBatch) {
        for index in 0..<batch.count {
            let sequence = batch.firstSequence + UInt64(index)
            guard sequence > position else { continue }
            apply(batch.commands[index], batch.events(of: index))
            position = sequence
        }
    }

    private mutating func apply(_ command: Command, _ events: ArraySlice<Event>) {
        if events.contains(where: { if case .rejected = $0 { true } else { false } }) { return }
        switch command {
        case .setChainCursor(let asset, let cursor) where asset == self.asset:
            self.cursor = cursor
        case .broadcastWithdrawal(let id, let txid):
            withdrawals[id]?.state = .broadcast
            withdrawals[id]?.txid = txid
        case .requestChainWithdrawal(let request) where request.asset == asset:
            for case .ledger(let entry) in events where entry.kind == .withdrawalRequested {
                withdrawals[entry.withdrawal] = PendingWithdrawal(
                    account: request.account, asset: asset, amount: request.amount, fee: request.fee,
                    destination: request.address, state: request.requiresApproval ? .awaitingApproval : .approved)
            }
        default:
            break
        }
        for event in events { apply(event, command) }
    }

    private mutating func apply(_ event: Event, _ command: Command) {
        switch event {
        case .custody(let change):
            switch change.kind {
            case .depositSeen where change.asset == asset:
                if case .depositSeen(let deposit) = command {
                    deposits[deposit.outpoint] = Deposit(id: change.id, state: .pending)
                    outpoints[change.id] = deposit.outpoint
                }
            case .depositCredited, .depositDropped:
                guard change.asset == asset, let outpoint = outpoints[change.id] else { return }
                deposits[outpoint]?.state = change.kind == .depositCredited ? .credited : .dropped
            case .withdrawalApproved: withdrawals[change.id]?.state = .approved
            case .accountFrozen: frozen.insert(change.account)
            case .accountUnfrozen: frozen.remove(change.account)
            default: break
            }
        case .ledger(let entry) where entry.kind == .withdrawalConfirmed || entry.kind == .withdrawalReleased:
            withdrawals[entry.withdrawal] = nil
        default:
            break
        }
    }
}
