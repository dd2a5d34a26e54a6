/// The engine's jurisdiction state: each account's place, the history of rulings, and (derived
/// from that history, so never stored) which ruling governs each asset in each place.
struct JurisdictionRecords: Hashable {
    /// The most rulings the history keeps; more are refused (`capacityExhausted`).
    static let rulingsMax = 65_536

    struct Key: Hashable {
        var asset: AssetId
        var jurisdiction: Jurisdiction
    }

    /// Accounts with a jurisdiction; an account without one is governed by no ruling.
    var accounts: [AccountId: Jurisdiction] = [:]
    /// Every ruling ever recorded, in order (`id` is index + 1).
    var rulings: [RulingRecord] = []
    /// The governing enforced ruling's index, per asset and place.
    var inForce: [Key: Int] = [:]
    /// The earliest effective time of a ruling not yet enforced; nil when none waits.
    var nextDueAt: Timestamp?

    /// Puts ruling `index` in force if it supersedes the one governing its asset and place.
    mutating func enforce(_ index: Int, at now: Timestamp) {
        assert(rulings[index].enforcedAt == nil, "ruling \(index + 1) enforced twice")
        rulings[index].enforcedAt = now
        govern(index)
    }

    /// Ruling `index` (enforced) governs its asset and place unless the one there supersedes it.
    private mutating func govern(_ index: Int) {
        assert(rulings[index].enforcedAt != nil, "ruling \(index + 1) governs before it is enforced")
        let key = Key(asset: rulings[index].ruling.asset, jurisdiction: rulings[index].ruling.jurisdiction)
        if let current = inForce[key], !rulings[index].supersedes(rulings[current]) { return }
        inForce[key] = index
    }

    /// Rebuilds `inForce` and `nextDueAt` from the history (after decoding a snapshot).
    mutating func deriveIndexes() {
        inForce = [:]
        nextDueAt = nil
        for index in rulings.indices {
            guard rulings[index].enforcedAt != nil else {
                nextDueAt = min(nextDueAt ?? .max, rulings[index].ruling.effectiveAt)
                continue
            }
            govern(index)
        }
    }

    /// The strictest standing of `asset` that governs an account of `place`: its country's
    /// ruling and its region's, whichever restricts more.
    func standing(of asset: AssetId, in place: Jurisdiction) -> AssetStanding {
        var standing = AssetStanding.allowed
        if let index = inForce[Key(asset: asset, jurisdiction: place.country)] {
            standing = max(standing, rulings[index].ruling.standing)
        }
        if place.isRegion, let index = inForce[Key(asset: asset, jurisdiction: place)] {
            standing = max(standing, rulings[index].ruling.standing)
        }
        return standing
    }
}
