/// Jurisdictions and asset rulings: the operator sets an account's place and records rulings;
/// a ruling governs once enforced, at its effective time by the sequencer's clock (the engine has
/// none: `enforceRulings`, which the sequencer journals before the first command at or after a
/// due time, puts every due ruling in force). Enforcing cancels the open orders the ruling now
/// forbids, with expiry reason `JURISDICTION_RESTRICTED`, as a freeze cancels with its own.
extension Engine {
    mutating func setAccountJurisdiction(_ account: AccountId, _ place: Jurisdiction?, _ action: OperatorAction) {
        guard action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard ledger.contains(account), account != .feeAccount else { return reject(.unknownAccount, stage: .command) }
        if let place, !place.isValid { return reject(.invalidJurisdiction, stage: .command) }
        jurisdictions.accounts[account] = place
        output.append(.custody(CustodyEvent(kind: .jurisdictionChanged, account: account, asset: 0, amount: 0, id: 0, time: now)))
        for m in 0..<markets.count { cancelForbiddenOrders(of: account, onMarket: m) }
    }

    mutating func setAssetRuling(_ ruling: AssetRuling) {
        guard ruling.action.isComplete else { return reject(.invalidOperatorAction, stage: .command) }
        guard !ruling.action.reference.isEmpty else { return reject(.invalidRulingReference, stage: .command) }
        guard Int(ruling.asset) < assets.count else { return reject(.unknownAsset, stage: .command) }
        guard ruling.jurisdiction.isValid else { return reject(.invalidJurisdiction, stage: .command) }
        guard ruling.effectiveAt >= 0 else { return reject(.invalidEffectiveTime, stage: .command) }
        guard jurisdictions.rulings.count < JurisdictionRecords.rulingsMax else {
            return reject(.capacityExhausted, stage: .command)
        }
        let id = Int64(jurisdictions.rulings.count + 1)
        jurisdictions.rulings.append(RulingRecord(id: id, ruling: ruling, recordedAt: now, enforcedAt: nil))
        output.append(.custody(CustodyEvent(kind: .rulingRecorded, account: 0, asset: ruling.asset,
                                            amount: Amount(ruling.standing.rawValue), id: id, time: now)))
        if ruling.effectiveAt <= now {
            enforce([jurisdictions.rulings.count - 1])
        } else {
            jurisdictions.nextDueAt = min(jurisdictions.nextDueAt ?? .max, ruling.effectiveAt)
        }
    }

    /// Every recorded ruling whose effective time has come goes in force, earliest effective first.
    mutating func enforceRulings() {
        guard let due = jurisdictions.nextDueAt, due <= now else { return }
        let records = jurisdictions.rulings
        let indexes = records.indices.filter { records[$0].enforcedAt == nil && records[$0].ruling.effectiveAt <= now }
            .sorted { (records[$0].ruling.effectiveAt, $0) < (records[$1].ruling.effectiveAt, $1) }
        jurisdictions.nextDueAt = records.indices
            .filter { records[$0].enforcedAt == nil && records[$0].ruling.effectiveAt > now }
            .map { records[$0].ruling.effectiveAt }.min()
        enforce(indexes)
    }

    /// Whether a ruling waits to be enforced at `time`: the sequencer then journals `enforceRulings`.
    public func rulingsDue(at time: Timestamp) -> Bool {
        guard let due = jurisdictions.nextDueAt else { return false }
        return due <= time
    }

    /// Why `account` may not place an order of `side` on market `m` under the rulings in force:
    /// blocked on either asset, or it would receive an asset that is sell-and-withdraw-only.
    func jurisdictionProblem(_ account: AccountId, _ side: Side, _ m: Int) -> RejectReason? {
        guard !jurisdictions.inForce.isEmpty, let place = jurisdictions.accounts[account] else { return nil }
        let base = jurisdictions.standing(of: markets[m].spec.base, in: place)
        let quote = jurisdictions.standing(of: markets[m].spec.quote, in: place)
        if base == .blocked || quote == .blocked { return .assetRestricted(.blocked) }
        let received = side == .buy ? base : quote
        return received == .sellAndWithdrawOnly ? .assetRestricted(.sellAndWithdrawOnly) : nil
    }

    private mutating func enforce(_ indexes: [Int]) {
        for index in indexes {
            jurisdictions.enforce(index, at: now)
            let ruling = jurisdictions.rulings[index].ruling
            output.append(.custody(CustodyEvent(kind: .rulingInForce, account: 0, asset: ruling.asset,
                                                amount: Amount(ruling.standing.rawValue), id: Int64(index + 1), time: now)))
        }
        // The accounts each enforced ruling governs, in account order so the events are the same on every replay.
        let governed = jurisdictions.accounts.filter { account in
            indexes.contains { jurisdictions.rulings[$0].ruling.jurisdiction.covers(account.value) }
        }.keys.sorted()
        let assetsRuled = Set(indexes.map { jurisdictions.rulings[$0].ruling.asset })
        for m in 0..<markets.count where assetsRuled.contains(markets[m].spec.base) || assetsRuled.contains(markets[m].spec.quote) {
            for account in governed { cancelForbiddenOrders(of: account, onMarket: m) }
        }
    }

    private mutating func cancelForbiddenOrders(of account: AccountId, onMarket m: Int) {
        let forbidden = (buy: jurisdictionProblem(account, .buy, m) != nil, sell: jurisdictionProblem(account, .sell, m) != nil)
        guard forbidden.buy || forbidden.sell else { return }
        for id in openOrderIds(of: account, onMarket: m) {
            guard let side = markets[m].openOrder(id)?.side, side == .buy ? forbidden.buy : forbidden.sell,
                  var order = takeOff(id, m) else { continue }
            end(&order, .canceled, because: .jurisdictionRestricted)
        }
    }
}
