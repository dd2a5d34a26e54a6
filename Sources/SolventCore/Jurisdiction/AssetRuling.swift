/// What an account of a jurisdiction may do with an asset. The raw values order them from the
/// most to the least permissive, so the stricter of two is the larger.
public enum AssetStanding: UInt8, Sendable, CaseIterable, Comparable {
    /// No restriction.
    case allowed = 0
    /// The account may sell (give up) the asset and withdraw it, but not buy it or otherwise
    /// receive it in a trade: no new exposure.
    case sellAndWithdrawOnly = 1
    /// No trading in it either way; it may only be withdrawn.
    case blocked = 2

    public var wireName: String {
        switch self {
        case .allowed: "ALLOWED"
        case .sellAndWithdrawOnly: "SELL_AND_WITHDRAW_ONLY"
        case .blocked: "BLOCKED"
        }
    }

    public init?(wireName: String) {
        guard let standing = Self.allCases.first(where: { $0.wireName == wireName }) else { return nil }
        self = standing
    }

    public static func < (lhs: AssetStanding, rhs: AssetStanding) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An operator's record of a ruling on an asset in a jurisdiction: the standing it orders, from
/// when, and who recorded it why. `action.reference` is the ruling's case id (a court's or a
/// regulator's) and must be given.
public struct AssetRuling: Hashable, Sendable {
    public var asset: AssetId
    public var jurisdiction: Jurisdiction
    public var standing: AssetStanding
    /// The ruling governs from this time (the sequencer's clock, ms); one in the past governs at once.
    public var effectiveAt: Timestamp
    public var action: OperatorAction

    public init(asset: AssetId, jurisdiction: Jurisdiction, standing: AssetStanding, effectiveAt: Timestamp,
                action: OperatorAction) {
        self.asset = asset
        self.jurisdiction = jurisdiction
        self.standing = standing
        self.effectiveAt = effectiveAt
        self.action = action
    }
}

/// A ruling in the exchange's history: when it was journaled and, once it governs, when the
/// engine put it in force (its `enforceRulings` or, for one already effective, its own command).
public struct RulingRecord: Hashable, Sendable {
    /// 1, 2, ... in the order rulings were recorded.
    public var id: Int64
    public var ruling: AssetRuling
    public var recordedAt: Timestamp
    public var enforcedAt: Timestamp?

    public init(id: Int64, ruling: AssetRuling, recordedAt: Timestamp, enforcedAt: Timestamp?) {
        self.id = id
        self.ruling = ruling
        self.recordedAt = recordedAt
        self.enforcedAt = enforcedAt
    }

    /// Of two enforced rulings on the same asset and place, the one enforced later governs; at
    /// the same enforcement, the later effective, then the later recorded.
    func supersedes(_ other: RulingRecord) -> Bool {
        ((enforcedAt ?? .min), ruling.effectiveAt, id) > ((other.enforcedAt ?? .min), other.ruling.effectiveAt, other.id)
    }
}
