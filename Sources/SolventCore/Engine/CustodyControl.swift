/// The privileged custody commands: an operator's decision on a withdrawal, a withdrawal's
/// broadcast, and account freezes. Each names the operator and the reason (`OperatorAction`),
/// which the journal keeps; the engine refuses one without them.
extension Engine {
    mutating func approveWithdrawal(_ id: WithdrawalId, _ action: OperatorAction) {
        guard action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard var pending = withdrawals[id] else { return reject(.unknownWithdrawal, stage: .command) }
        guard pending.state == .awaitingApproval else { return reject(.withdrawalNotAwaitingApproval, stage: .command) }
        guard !ledger.accounts[Int(pending.account)].frozen else { return reject(.accountFrozen, stage: .command) }
        pending.state = .approved
        withdrawals[id] = pending
        recordCustody(.withdrawalApproved, id, pending)
    }

    /// An operator refuses a withdrawal that has not been broadcast: the hold returns to free.
    mutating func rejectWithdrawal(_ id: WithdrawalId, _ action: OperatorAction) {
        guard action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard let pending = withdrawals[id] else { return reject(.unknownWithdrawal, stage: .command) }
        guard pending.state != .broadcast else { return reject(.withdrawalNotAwaitingApproval, stage: .command) }
        withdrawals[id] = nil
        ledger.unlock(pending.account, pending.asset, pending.amount)
        record(.withdrawalReleased, id, pending)
        recordCustody(.withdrawalRejected, id, pending)
    }

    /// The chain accepted the withdrawal's transaction. A fact, not a decision: it is accepted even
    /// if the account was frozen since (the broadcaster checks before it sends, and money that has
    /// left must be on the books as having left).
    mutating func broadcastWithdrawal(_ id: WithdrawalId, _ txid: String) {
        guard CustodyText.isChainText(txid) else { return reject(.invalidChainReference, stage: .command) }
        guard var pending = withdrawals[id] else { return reject(.unknownWithdrawal, stage: .command) }
        guard pending.state == .approved, !pending.destination.isEmpty else {
            return reject(.withdrawalNotApproved, stage: .command)
        }
        pending.state = .broadcast
        pending.txid = txid
        withdrawals[id] = pending
        recordCustody(.withdrawalBroadcast, id, pending)
    }

    /// No trading and no withdrawals until unfrozen; deposits are still credited. Open orders are
    /// cancelled (expiry reason `EXCHANGE_CANCELED`) whatever their market's status.
    mutating func freezeAccount(_ account: AccountId, _ action: OperatorAction) {
        guard action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        var record = ledger.accounts[Int(account)]
        guard !record.frozen else { return reject(.accountFrozen, stage: .command) }
        record.frozen = true
        ledger.setAccount(account, record)
        for m in 0..<markets.count { cancelEveryOrder(of: account, onMarket: m) }
        output.append(.custody(CustodyEvent(kind: .accountFrozen, account: account, asset: 0, amount: 0, id: 0, time: now)))
    }

    mutating func unfreezeAccount(_ account: AccountId, _ action: OperatorAction) {
        guard action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        var record = ledger.accounts[Int(account)]
        guard record.frozen else { return reject(.accountNotFrozen, stage: .command) }
        record.frozen = false
        ledger.setAccount(account, record)
        output.append(.custody(CustodyEvent(kind: .accountUnfrozen, account: account, asset: 0, amount: 0, id: 0, time: now)))
    }

    mutating func setWithdrawalLimits(_ asset: AssetId, _ limits: WithdrawalLimits, _ action: OperatorAction) {
        guard action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard Int(asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard limits.isValid else { return reject(.invalidAmount, stage: .command) }
        custody.withdrawalLimits[asset] = limits
        output.append(.custody(CustodyEvent(kind: .withdrawalLimitsChanged, account: 0, asset: asset, amount: limits.perAccount,
                                            id: 0, time: now)))
    }

    private mutating func cancelEveryOrder(of account: AccountId, onMarket m: Int) {
        for id in openOrderIds(of: account, onMarket: m) {
            guard var order = takeOff(id, m) else { continue }
            end(&order, .canceled, because: .exchangeCanceled)
        }
    }
}
