/// Deposits and withdrawals: the only commands that change how much of an asset the exchange holds.
extension Engine {
    mutating func deposit(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        guard ledger.contains(account) else { return reject(.unknownAccount, stage: .command) }
        guard Int(asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard amount > 0 else { return reject(.invalidAmount, stage: .command) }
        // Every account's total and the exchange's total must stay representable.
        let balance = ledger.balance(account, asset)
        guard balance.total.addingReportingOverflow(amount).overflow == false,
              ledger.deposited[Int(asset)].addingReportingOverflow(amount).overflow == false else {
            return reject(.amountTooLarge, stage: .command)
        }
        ledger.deposit(account, asset, amount)
        output.append(.ledger(LedgerEntry(kind: .deposit, account: account, asset: asset, amount: amount,
                                          withdrawal: 0, time: now)))
        touch(account, asset)
    }

    mutating func requestWithdrawal(_ account: AccountId, _ asset: AssetId, _ amount: Amount) {
        guard ledger.contains(account) else { return reject(.unknownAccount, stage: .command) }
        guard Int(asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard amount > 0 else { return reject(.invalidAmount, stage: .command) }
        guard ledger.balance(account, asset).free >= amount else { return reject(.insufficientBalance, stage: .command) }
        let id = counters.nextWithdrawalId
        counters.nextWithdrawalId += 1
        ledger.lock(account, asset, amount)
        let pending = PendingWithdrawal(account: account, asset: asset, amount: amount)
        withdrawals[id] = pending
        record(.withdrawalRequested, id, pending)
    }

    mutating func confirmWithdrawal(_ id: WithdrawalId) {
        guard let pending = withdrawals.removeValue(forKey: id) else { return reject(.unknownWithdrawal, stage: .command) }
        ledger.withdrawLocked(pending.account, pending.asset, pending.amount)
        record(.withdrawalConfirmed, id, pending)
    }

    mutating func releaseWithdrawal(_ id: WithdrawalId) {
        guard let pending = withdrawals.removeValue(forKey: id) else { return reject(.unknownWithdrawal, stage: .command) }
        ledger.unlock(pending.account, pending.asset, pending.amount)
        record(.withdrawalReleased, id, pending)
    }

    private mutating func record(_ kind: LedgerEntry.Kind, _ id: WithdrawalId, _ pending: PendingWithdrawal) {
        output.append(.ledger(LedgerEntry(kind: kind, account: pending.account, asset: pending.asset,
                                          amount: pending.amount, withdrawal: id, time: now)))
        touch(pending.account, pending.asset)
    }
}
