/// Deposits and withdrawals: the only commands that change how much of an asset the exchange holds.
/// An operator's `deposit` and a chain deposit's credit go through `credit`; every withdrawal,
/// whether an operator's hold or a user's withdrawal to an address, is a `PendingWithdrawal`
/// held in locked until it is confirmed (debited) or released.
extension Engine {
    mutating func deposit(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        guard ledger.contains(account) else { return reject(.unknownAccount, stage: .command) }
        guard Int(asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard amount > 0 else { return reject(.invalidAmount, stage: .command) }
        _ = credit(account, asset, amount)
    }

    /// Credits `amount` to the account's free balance, unless a total would overflow.
    mutating func credit(_ account: AccountId, _ asset: AssetId, _ amount: Amount) -> Bool {
        // Every account's total and the exchange's total must stay representable.
        let balance = ledger.balance(account, asset)
        guard balance.total.addingReportingOverflow(amount).overflow == false,
              ledger.deposited[Int(asset)].addingReportingOverflow(amount).overflow == false else {
            reject(.amountTooLarge, stage: .command)
            return false
        }
        ledger.deposit(account, asset, amount)
        output.append(.ledger(LedgerEntry(kind: .deposit, account: account, asset: asset, amount: amount,
                                          withdrawal: 0, time: now)))
        touch(account, asset)
        return true
    }

    /// An operator's hold: no destination, confirmed or released by the operator.
    mutating func requestWithdrawal(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        if let problem = withdrawalProblem(account, asset, amount) { return reject(problem, stage: .command) }
        hold(PendingWithdrawal(account: account, asset: asset, amount: amount))
    }

    /// A user's withdrawal to an address, after the gateway's risk checks.
    mutating func requestWithdrawal(_ request: WithdrawalRequest) {
        if let problem = withdrawalProblem(request.account, request.asset, request.amount) {
            return reject(problem, stage: .command)
        }
        guard request.fee >= 0, request.fee < request.amount else { return reject(.withdrawalFeeNotCovered, stage: .command) }
        guard CustodyText.isChainText(request.address) else { return reject(.invalidAddress, stage: .command) }
        guard request.clientId.isEmpty || CustodyText.isChainText(request.clientId) else {
            return reject(.invalidChainReference, stage: .command)
        }
        if let problem = custody.protections[request.account]?.problem(asset: request.asset, address: request.address, now: now) {
            return reject(problem, stage: .command)
        }
        guard custody.withdrawalFits(request.account, request.asset, request.amount, now: now) else {
            return reject(.withdrawalLimitExceeded, stage: .command)
        }
        custody.recentWithdrawals.append(RecentWithdrawal(time: now, account: request.account, asset: request.asset,
                                                          amount: request.amount))
        let id = hold(PendingWithdrawal(account: request.account, asset: request.asset, amount: request.amount,
                                        fee: request.fee, destination: request.address,
                                        state: request.requiresApproval ? .awaitingApproval : .approved))
        if request.requiresApproval {
            recordCustody(.withdrawalAwaitingApproval, id, withdrawals[id]!)
        }
    }

    /// Why the account may not withdraw `amount` of `asset` now, if it may not.
    private func withdrawalProblem(_ account: AccountId, _ asset: AssetId, _ amount: Amount) -> RejectReason? {
        guard ledger.contains(account) else { return .unknownAccount }
        guard Int(asset) < assets.count else { return .unknownAsset }
        guard !ledger.accounts[Int(account)].frozen else { return .accountFrozen }
        guard amount > 0 else { return .invalidAmount }
        guard ledger.balance(account, asset).free >= amount else { return .insufficientBalance }
        return nil
    }

    @discardableResult
    private mutating func hold(_ pending: PendingWithdrawal) -> WithdrawalId {
        let id = counters.nextWithdrawalId
        counters.nextWithdrawalId += 1
        ledger.lock(pending.account, pending.asset, pending.amount)
        withdrawals[id] = pending
        record(.withdrawalRequested, id, pending)
        return id
    }

    /// The funds left the exchange: the hold is debited, its fee goes to the fee account and the
    /// rest counts as withdrawn. A withdrawal still awaiting approval cannot be confirmed.
    mutating func confirmWithdrawal(_ id: WithdrawalId) {
        guard let pending = withdrawals[id] else { return reject(.unknownWithdrawal, stage: .command) }
        guard pending.state != .awaitingApproval else { return reject(.withdrawalNotApproved, stage: .command) }
        withdrawals[id] = nil
        ledger.withdrawLocked(pending.account, pending.asset, pending.amount - pending.fee)
        if pending.fee > 0 {
            ledger.debitLocked(pending.account, pending.asset, pending.fee)
            ledger.creditFree(.feeAccount, pending.asset, pending.fee)
            touch(.feeAccount, pending.asset)
        }
        record(.withdrawalConfirmed, id, pending)
    }

    /// The withdrawal did not happen (it failed, or was cancelled): the hold returns to free.
    mutating func releaseWithdrawal(_ id: WithdrawalId) {
        guard let pending = withdrawals.removeValue(forKey: id) else { return reject(.unknownWithdrawal, stage: .command) }
        ledger.unlock(pending.account, pending.asset, pending.amount)
        record(.withdrawalReleased, id, pending)
    }

    mutating func record(_ kind: LedgerEntry.Kind, _ id: WithdrawalId, _ pending: PendingWithdrawal) {
        output.append(.ledger(LedgerEntry(kind: kind, account: pending.account, asset: pending.asset,
                                          amount: pending.amount, withdrawal: id, time: now)))
        touch(pending.account, pending.asset)
    }

    mutating func recordCustody(_ kind: CustodyEvent.Kind, _ id: WithdrawalId, _ pending: PendingWithdrawal) {
        output.append(.custody(CustodyEvent(kind: kind, account: pending.account, asset: pending.asset,
                                            amount: pending.amount, id: id, time: now)))
    }
}
