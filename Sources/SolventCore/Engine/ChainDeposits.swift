/// Chain deposits: seen (pending), credited after their confirmations, or dropped by a reorg;
/// and the chain cursor the watcher resumes from. Exactly once: a deposit is known by its
/// outpoint, so seeing it again (a restart, a re-scan, a replayed journal) never adds a second
/// record, and only a pending record can be credited. The reorg policy is `DepositRecord`'s.
extension Engine {
    mutating func depositSeen(_ deposit: ChainDeposit) {
        guard ledger.contains(deposit.account) else { return reject(.unknownAccount, stage: .command) }
        guard Int(deposit.asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard deposit.amount > 0 else { return reject(.invalidAmount, stage: .command) }
        guard CustodyText.isChainText(deposit.outpoint.txid) else { return reject(.invalidChainReference, stage: .command) }
        guard CustodyText.isChainText(deposit.address) else { return reject(.invalidAddress, stage: .command) }
        if let id = custody.depositsByOutpoint[deposit.outpoint] {
            // A deposit a reorg dropped may be mined again; anything else is a second sighting.
            guard var record = custody.deposits[id], record.state == .dropped, record.deposit == deposit else {
                return reject(.duplicateDeposit, stage: .command)
            }
            record.state = .pending
            record.seenAt = now
            custody.insert(record, id: id)
            return recordDeposit(.depositSeen, id, record)
        }
        let id = custody.nextDepositId
        custody.nextDepositId += 1
        let record = DepositRecord(deposit: deposit, state: .pending, seenAt: now)
        custody.insert(record, id: id)
        recordDeposit(.depositSeen, id, record)
    }

    mutating func creditDeposit(_ id: DepositId) {
        guard var record = custody.deposits[id] else { return reject(.unknownDeposit, stage: .command) }
        guard record.state == .pending else { return reject(.depositNotPending, stage: .command) }
        guard credit(record.deposit.account, record.deposit.asset, record.deposit.amount) else { return }
        record.state = .credited
        record.creditedAt = now
        custody.insert(record, id: id)
        recordDeposit(.depositCredited, id, record)
    }

    mutating func dropDeposit(_ id: DepositId) {
        guard var record = custody.deposits[id] else { return reject(.unknownDeposit, stage: .command) }
        switch record.state {
        case .credited: return reject(.depositAlreadyCredited, stage: .command)
        case .dropped: return reject(.depositNotPending, stage: .command)
        case .pending: break
        }
        record.state = .dropped
        custody.insert(record, id: id)
        recordDeposit(.depositDropped, id, record)
    }

    mutating func setChainCursor(_ asset: AssetId, _ cursor: ChainCursor) {
        guard Int(asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard cursor.height >= 0, CustodyText.isChainText(cursor.blockHash) else {
            return reject(.invalidChainReference, stage: .command)
        }
        custody.chainCursors[asset] = cursor
    }

    private mutating func recordDeposit(_ kind: CustodyEvent.Kind, _ id: DepositId, _ record: DepositRecord) {
        output.append(.custody(CustodyEvent(kind: kind, account: record.deposit.account, asset: record.deposit.asset,
                                            amount: record.deposit.amount, id: id, time: now)))
    }
}
