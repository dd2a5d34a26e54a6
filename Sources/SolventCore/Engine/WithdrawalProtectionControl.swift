/// The account's withdrawal protections: its address book, the lock after a security change,
/// and the operator's allow-list-only switch. The delays come in the commands (from the custody
/// settings); the time is the sequencer's.
extension Engine {
    mutating func addWithdrawalAddress(_ account: AccountId, _ address: WithdrawalAddress, _ delays: SecurityDelays) {
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        guard Int(address.asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard CustodyText.isChainText(address.address) else { return reject(.invalidAddress, stage: .command) }
        guard address.tag.isEmpty || CustodyText.isChainText(address.tag) else { return reject(.invalidAddressTag, stage: .command) }
        guard !address.name.isEmpty, CustodyText.fitsNote(address.name) else { return reject(.invalidAddressName, stage: .command) }
        guard delays.isValid else { return reject(.invalidAmount, stage: .command) }
        var protection = withdrawalProtection(account)
        guard !protection.addressBook.contains(where: { $0.address.isSameDestination(as: address) }) else {
            return reject(.addressAlreadyBooked, stage: .command)
        }
        guard protection.addressBook.count < WithdrawalAddress.bookCapacity else { return reject(.addressBookFull, stage: .command) }
        protection.addressBook.append(BookedAddress(address: address, addedAt: now, usableFrom: later(delays.addressDelay)))
        custody.protections[account] = protection
        output.append(.custody(CustodyEvent(kind: .withdrawalAddressAdded, account: account, asset: address.asset, amount: 0,
                                            id: 0, time: now)))
        lockWithdrawals(account, for: delays.withdrawalLock)
    }

    mutating func securityChanged(_ account: AccountId, lock: Timestamp) {
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        guard lock >= 0 else { return reject(.invalidAmount, stage: .command) }
        lockWithdrawals(account, for: lock)
    }

    mutating func setAllowListOnly(_ account: AccountId, _ on: Bool, _ action: OperatorAction) {
        guard action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        var protection = withdrawalProtection(account)
        protection.allowListOnly = on
        store(protection, of: account)
        output.append(.custody(CustodyEvent(kind: .allowListOnlyChanged, account: account, asset: 0, amount: on ? 1 : 0,
                                            id: 0, time: now)))
    }

    /// A lock only ever extends: a shorter one after a longer one does not shorten it.
    private mutating func lockWithdrawals(_ account: AccountId, for duration: Timestamp) {
        var protection = withdrawalProtection(account)
        protection.lockedUntil = max(protection.lockedUntil, later(duration))
        store(protection, of: account)
        output.append(.custody(CustodyEvent(kind: .withdrawalsLocked, account: account, asset: 0,
                                            amount: protection.lockedUntil, id: 0, time: now)))
    }

    private mutating func store(_ protection: WithdrawalProtection, of account: AccountId) {
        custody.protections[account] = protection.isDefault ? nil : protection
    }

    /// `now + duration`, saturating instead of overflowing.
    private func later(_ duration: Timestamp) -> Timestamp {
        let (sum, overflow) = now.addingReportingOverflow(duration)
        return overflow ? .max : sum
    }
}
