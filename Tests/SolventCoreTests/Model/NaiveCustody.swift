@testable import SolventCore

/// A chain deposit as the model keeps it: plain fields, found by linear scan.
struct NaiveChainDeposit {
    var id: DepositId
    var deposit: ChainDeposit
    var state: DepositRecord.State
}

/// An account's withdrawal protections as the model keeps them.
struct NaiveProtection {
    var allowListOnly = false
    var lockedUntil: Timestamp = 0
    var book: [(address: WithdrawalAddress, usableFrom: Timestamp)] = []
}

/// The custody commands, written again from their documentation: exactly-once deposits keyed by
/// outpoint, withdrawals that pay an address, operator decisions, freezes.
extension NaiveExchange {
    mutating func applyCustody(_ command: Command) {
        switch command {
        case .depositSeen(let deposit): seen(deposit)
        case .creditDeposit(let id): creditChainDeposit(id)
        case .dropDeposit(let id): dropChainDeposit(id)
        case .setChainCursor(let asset, let cursor):
            guard Int(asset) < assets.count else { return reject(.unknownAsset) }
            if cursor.height < 0 || !Self.isChainText(cursor.blockHash) { reject(.invalidChainReference) }
        case .requestChainWithdrawal(let request): requestChainWithdrawal(request)
        case .approveWithdrawal(let id, let action): decide(id, action, approve: true)
        case .rejectWithdrawal(let id, let action): decide(id, action, approve: false)
        case .broadcastWithdrawal(let id, let txid): broadcast(id, txid)
        case .freezeAccount(let account, let action): setFrozen(account, action, true)
        case .unfreezeAccount(let account, let action): setFrozen(account, action, false)
        case .setWithdrawalLimits(let asset, let limits, let action):
            guard !action.operatorName.isEmpty, !action.reason.isEmpty else { return reject(.invalidOperatorAction) }
            guard Int(asset) < assets.count else { return reject(.unknownAsset) }
            guard limits.perAccount >= 0, limits.perAsset >= 0 else { return reject(.invalidAmount) }
            withdrawalLimits[asset] = (limits.perAccount, limits.perAsset)
            custodyEvent(.withdrawalLimitsChanged, 0, asset, limits.perAccount, 0)
        case .addWithdrawalAddress(let account, let address, let delays): book(account, address, delays)
        case .securityChanged(let account, let lock):
            guard Int(account) < accounts.count, account != 0 else { return reject(.unknownAccount) }
            guard lock >= 0 else { return reject(.invalidAmount) }
            lockWithdrawals(account, lock)
        case .setAllowListOnly(let account, let on, let action):
            guard !action.operatorName.isEmpty, !action.reason.isEmpty else { return reject(.invalidOperatorAction) }
            guard Int(account) < accounts.count, account != 0 else { return reject(.unknownAccount) }
            protections[account, default: NaiveProtection()].allowListOnly = on
            custodyEvent(.allowListOnlyChanged, account, 0, on ? 1 : 0, 0)
        default: preconditionFailure("not a custody command: \(command)")
        }
    }

    static func isChainText(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return !bytes.isEmpty && bytes.count <= 128 && bytes.allSatisfy { $0 > 32 && $0 < 127 }
    }

    private mutating func custodyEvent(_ kind: CustodyEvent.Kind, _ account: AccountId, _ asset: AssetId,
                                       _ amount: Amount, _ id: Int64) {
        events.append(.custody(CustodyEvent(kind: kind, account: account, asset: asset, amount: amount, id: id, time: now)))
    }

    // MARK: Deposits

    private mutating func seen(_ deposit: ChainDeposit) {
        guard Int(deposit.account) < accounts.count else { return reject(.unknownAccount) }
        guard Int(deposit.asset) < assets.count else { return reject(.unknownAsset) }
        guard deposit.amount > 0 else { return reject(.invalidAmount) }
        guard Self.isChainText(deposit.outpoint.txid) else { return reject(.invalidChainReference) }
        guard Self.isChainText(deposit.address) else { return reject(.invalidAddress) }
        if let at = chainDeposits.firstIndex(where: { $0.deposit.outpoint == deposit.outpoint }) {
            guard chainDeposits[at].state == .dropped, chainDeposits[at].deposit == deposit else {
                return reject(.duplicateDeposit)
            }
            chainDeposits[at].state = .pending
            return custodyEvent(.depositSeen, deposit.account, deposit.asset, deposit.amount, chainDeposits[at].id)
        }
        let id = DepositId(chainDeposits.count + 1)
        chainDeposits.append(NaiveChainDeposit(id: id, deposit: deposit, state: .pending))
        custodyEvent(.depositSeen, deposit.account, deposit.asset, deposit.amount, id)
    }

    private mutating func creditChainDeposit(_ id: DepositId) {
        guard let at = chainDeposits.firstIndex(where: { $0.id == id }) else { return reject(.unknownDeposit) }
        guard chainDeposits[at].state == .pending else { return reject(.depositNotPending) }
        let deposit = chainDeposits[at].deposit
        let before = events.count
        self.deposit(deposit.account, deposit.asset, deposit.amount)
        // The plain deposit refused it (too large): the record stays pending.
        if case .rejected = events.last, events.count == before + 1 { return }
        chainDeposits[at].state = .credited
        custodyEvent(.depositCredited, deposit.account, deposit.asset, deposit.amount, id)
    }

    private mutating func dropChainDeposit(_ id: DepositId) {
        guard let at = chainDeposits.firstIndex(where: { $0.id == id }) else { return reject(.unknownDeposit) }
        switch chainDeposits[at].state {
        case .credited: return reject(.depositAlreadyCredited)
        case .dropped: return reject(.depositNotPending)
        case .pending: chainDeposits[at].state = .dropped
        }
        let deposit = chainDeposits[at].deposit
        custodyEvent(.depositDropped, deposit.account, deposit.asset, deposit.amount, id)
    }

    // MARK: Withdrawals

    private mutating func requestChainWithdrawal(_ r: WithdrawalRequest) {
        guard Int(r.account) < accounts.count else { return reject(.unknownAccount) }
        guard Int(r.asset) < assets.count else { return reject(.unknownAsset) }
        guard !accounts[Int(r.account)].frozen else { return reject(.accountFrozen) }
        guard r.amount > 0 else { return reject(.invalidAmount) }
        guard balances[Int(r.account)][Int(r.asset)].free >= r.amount else { return reject(.insufficientBalance) }
        guard r.fee >= 0, r.fee < r.amount else { return reject(.withdrawalFeeNotCovered) }
        guard Self.isChainText(r.address) else { return reject(.invalidAddress) }
        guard r.clientId.isEmpty || Self.isChainText(r.clientId) else { return reject(.invalidChainReference) }
        if let protection = protections[r.account] {
            guard now >= protection.lockedUntil else { return reject(.withdrawalsLocked) }
            let booked = protection.book.contains { $0.address.asset == r.asset && $0.address.address == r.address && $0.usableFrom <= now }
            guard !protection.allowListOnly || booked else { return reject(.addressNotAllowListed) }
        }
        // The last 24 hours: strictly after now − 24 h.
        let window = recentWithdrawals.filter { $0.asset == r.asset && $0.time > now - 86_400_000 }
        let limits = withdrawalLimits[r.asset] ?? (Amount.max, Amount.max)
        let mine = window.filter { $0.account == r.account }.reduce(Int128(r.amount)) { $0 + Int128($1.amount) }
        let all = window.reduce(Int128(r.amount)) { $0 + Int128($1.amount) }
        guard mine <= Int128(limits.perAccount), all <= Int128(limits.perAsset) else { return reject(.withdrawalLimitExceeded) }
        recentWithdrawals.append((now, r.account, r.asset, r.amount))
        let id = nextWithdrawalId
        nextWithdrawalId += 1
        balances[Int(r.account)][Int(r.asset)].free -= r.amount
        balances[Int(r.account)][Int(r.asset)].locked += r.amount
        let pending = PendingWithdrawal(account: r.account, asset: r.asset, amount: r.amount, fee: r.fee,
                                        destination: r.address, state: r.requiresApproval ? .awaitingApproval : .approved)
        withdrawals.append(Withdrawal(id: id, pending: pending))
        events.append(.ledger(LedgerEntry(kind: .withdrawalRequested, account: r.account, asset: r.asset,
                                          amount: r.amount, withdrawal: id, time: now)))
        touch(r.account, r.asset)
        if r.requiresApproval { custodyEvent(.withdrawalAwaitingApproval, r.account, r.asset, r.amount, id) }
    }

    private mutating func decide(_ id: WithdrawalId, _ action: OperatorAction, approve: Bool) {
        guard !action.operatorName.isEmpty, !action.reason.isEmpty else { return reject(.invalidOperatorAction) }
        guard let at = withdrawals.firstIndex(where: { $0.id == id }) else { return reject(.unknownWithdrawal) }
        let pending = withdrawals[at].pending
        if approve {
            guard pending.state == .awaitingApproval else { return reject(.withdrawalNotAwaitingApproval) }
            guard !accounts[Int(pending.account)].frozen else { return reject(.accountFrozen) }
            withdrawals[at].pending.state = .approved
            return custodyEvent(.withdrawalApproved, pending.account, pending.asset, pending.amount, id)
        }
        guard pending.state != .broadcast else { return reject(.withdrawalNotAwaitingApproval) }
        withdrawals.remove(at: at)
        balances[Int(pending.account)][Int(pending.asset)].locked -= pending.amount
        balances[Int(pending.account)][Int(pending.asset)].free += pending.amount
        events.append(.ledger(LedgerEntry(kind: .withdrawalReleased, account: pending.account, asset: pending.asset,
                                          amount: pending.amount, withdrawal: id, time: now)))
        touch(pending.account, pending.asset)
        custodyEvent(.withdrawalRejected, pending.account, pending.asset, pending.amount, id)
    }

    private mutating func broadcast(_ id: WithdrawalId, _ txid: String) {
        guard Self.isChainText(txid) else { return reject(.invalidChainReference) }
        guard let at = withdrawals.firstIndex(where: { $0.id == id }) else { return reject(.unknownWithdrawal) }
        let pending = withdrawals[at].pending
        guard pending.state == .approved, !pending.destination.isEmpty else { return reject(.withdrawalNotApproved) }
        withdrawals[at].pending.state = .broadcast
        withdrawals[at].pending.txid = txid
        custodyEvent(.withdrawalBroadcast, pending.account, pending.asset, pending.amount, id)
    }

    // MARK: Address book and locks

    private mutating func book(_ account: AccountId, _ address: WithdrawalAddress, _ delays: SecurityDelays) {
        guard Int(account) < accounts.count, account != 0 else { return reject(.unknownAccount) }
        guard Int(address.asset) < assets.count else { return reject(.unknownAsset) }
        guard Self.isChainText(address.address) else { return reject(.invalidAddress) }
        guard address.tag.isEmpty || Self.isChainText(address.tag) else { return reject(.invalidAddressTag) }
        guard !address.name.isEmpty, address.name.utf8.count <= 512 else { return reject(.invalidAddressName) }
        guard delays.addressDelay >= 0, delays.withdrawalLock >= 0 else { return reject(.invalidAmount) }
        let book = protections[account]?.book ?? []
        let same = book.contains {
            $0.address.asset == address.asset && $0.address.address == address.address && $0.address.tag == address.tag
        }
        guard !same else { return reject(.addressAlreadyBooked) }
        guard book.count < 200 else { return reject(.addressBookFull) }
        let usableFrom = now > Timestamp.max - delays.addressDelay ? Timestamp.max : now + delays.addressDelay
        protections[account, default: NaiveProtection()].book.append((address, usableFrom))
        custodyEvent(.withdrawalAddressAdded, account, address.asset, 0, 0)
        lockWithdrawals(account, delays.withdrawalLock)
    }

    private mutating func lockWithdrawals(_ account: AccountId, _ duration: Timestamp) {
        let until = now > Timestamp.max - duration ? Timestamp.max : now + duration
        let lockedUntil = max(protections[account]?.lockedUntil ?? 0, until)
        protections[account, default: NaiveProtection()].lockedUntil = lockedUntil
        custodyEvent(.withdrawalsLocked, account, 0, lockedUntil, 0)
    }

    // MARK: Freezes

    private mutating func setFrozen(_ account: AccountId, _ action: OperatorAction, _ frozen: Bool) {
        guard !action.operatorName.isEmpty, !action.reason.isEmpty else { return reject(.invalidOperatorAction) }
        guard Int(account) < accounts.count, account != 0 else { return reject(.unknownAccount) }
        guard accounts[Int(account)].frozen != frozen else { return reject(frozen ? .accountFrozen : .accountNotFrozen) }
        accounts[Int(account)].frozen = frozen
        if frozen {
            let mine = open.filter { $0.order.account == account }.map(\.order)
                .sorted { ($0.market, $0.id) < ($1.market, $1.id) }
            for found in mine {
                var order = open.remove(at: index(of: found.id)!).order
                end(&order, .canceled, .exchangeCanceled)
            }
        }
        custodyEvent(frozen ? .accountFrozen : .accountUnfrozen, account, 0, 0, 0)
    }
}
