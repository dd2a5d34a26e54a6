@testable import SolventCore

/// A ruling as the model keeps it.
struct NaiveRuling {
    var ruling: AssetRuling
    var recordedAt: Timestamp
    var enforcedAt: Timestamp?
}

/// Jurisdictions and rulings, written again from the rules: an account's place is a
/// country or a region of one; a country's ruling governs its regions too; of two rulings for the
/// same asset and place the one put in force later governs; the stricter of the country's and the
/// region's standing applies; a restricted account may not receive the asset in a trade, a
/// blocked one may not trade it at all; when a ruling goes in force, open orders it forbids end.
extension NaiveExchange {
    mutating func applyJurisdiction(_ command: Command) {
        switch command {
        case .setAccountJurisdiction(let account, let place, let action):
            guard !action.operatorName.isEmpty, !action.reason.isEmpty else { return reject(.invalidOperatorAction) }
            guard Int(account) < accounts.count, account != 0 else { return reject(.unknownAccount) }
            if let place, !Self.isPlace(place.code) { return reject(.invalidJurisdiction) }
            places[account] = place?.code
            events.append(.custody(CustodyEvent(kind: .jurisdictionChanged, account: account, asset: 0, amount: 0, id: 0, time: now)))
            cancelForbidden(accounts: [account])
        case .setAssetRuling(let ruling):
            guard !ruling.action.operatorName.isEmpty, !ruling.action.reason.isEmpty else { return reject(.invalidOperatorAction) }
            guard !ruling.action.reference.isEmpty else { return reject(.invalidRulingReference) }
            guard Int(ruling.asset) < assets.count else { return reject(.unknownAsset) }
            guard Self.isPlace(ruling.jurisdiction.code) else { return reject(.invalidJurisdiction) }
            guard ruling.effectiveAt >= 0 else { return reject(.invalidEffectiveTime) }
            rulings.append(NaiveRuling(ruling: ruling, recordedAt: now))
            rulingEvent(.rulingRecorded, rulings.count)
            if ruling.effectiveAt <= now { enforce([rulings.count - 1]) }
        case .enforceRulings:
            let due = rulings.indices.filter { rulings[$0].enforcedAt == nil && rulings[$0].ruling.effectiveAt <= now }
                .sorted { (rulings[$0].ruling.effectiveAt, $0) < (rulings[$1].ruling.effectiveAt, $1) }
            if !due.isEmpty { enforce(due) }
        default: preconditionFailure("not a jurisdiction command: \(command)")
        }
    }

    /// What the model would refuse an order of `side` on market `m` for, by the rulings in force.
    func jurisdictionProblem(_ account: AccountId, _ side: Side, _ m: Int) -> RejectReason? {
        let spec = markets[m].spec
        let (base, quote) = (standing(account, spec.base), standing(account, spec.quote))
        if base == .blocked || quote == .blocked { return .assetRestricted(.blocked) }
        return (side == .buy ? base : quote) == .sellAndWithdrawOnly ? .assetRestricted(.sellAndWithdrawOnly) : nil
    }

    func standing(_ account: AccountId, _ asset: AssetId) -> AssetStanding {
        guard let place = places[account] else { return .allowed }
        let country = String(place.prefix(2))
        let governing = Set([country, place]).compactMap { code -> AssetStanding? in
            rulings.enumerated().filter { $0.element.enforcedAt != nil && $0.element.ruling.asset == asset
                && $0.element.ruling.jurisdiction.code == code }
                .max { (a, b) in
                    (a.element.enforcedAt!, a.element.ruling.effectiveAt, a.offset) < (b.element.enforcedAt!, b.element.ruling.effectiveAt, b.offset)
                }?.element.ruling.standing
        }
        return governing.max() ?? .allowed
    }

    /// Two upper-case letters of an assigned country, optionally "-" and one to three of A-Z, 0-9.
    static func isPlace(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let country = parts.first, Jurisdiction.assignedCountries.contains(String(country)), parts.count <= 2 else { return false }
        guard parts.count == 2 else { return true }
        return (1...3).contains(parts[1].count) && parts[1].allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    private mutating func enforce(_ indexes: [Int]) {
        for index in indexes {
            rulings[index].enforcedAt = now
            rulingEvent(.rulingInForce, index + 1)
        }
        cancelForbidden(accounts: Array(places.keys))
    }

    private mutating func rulingEvent(_ kind: CustodyEvent.Kind, _ id: Int) {
        let ruling = rulings[id - 1].ruling
        events.append(.custody(CustodyEvent(kind: kind, account: 0, asset: ruling.asset, amount: Amount(ruling.standing.rawValue),
                                            id: Int64(id), time: now)))
    }

    /// Ends the open orders of `accounts` that the rulings now forbid, by market, account, id.
    private mutating func cancelForbidden(accounts governed: [AccountId]) {
        let forbidden = open.map(\.order).filter {
            governed.contains($0.account) && jurisdictionProblem($0.account, $0.side, Int($0.market)) != nil
        }.sorted { ($0.market, $0.account, $0.id) < ($1.market, $1.account, $1.id) }
        for found in forbidden {
            var order = open.remove(at: index(of: found.id)!).order
            end(&order, .canceled, .jurisdictionRestricted)
        }
    }
}
