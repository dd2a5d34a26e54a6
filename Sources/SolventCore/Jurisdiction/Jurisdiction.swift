/// Where an account's holder is, for the rulings of that place: an ISO 3166-1 alpha-2 country
/// ("US"), optionally narrowed to one of its ISO 3166-2 subdivisions ("US-NY").
///
/// A ruling for a country applies to every account of the country, its regions included; a
/// ruling for a region applies only to the accounts of that region.
public struct Jurisdiction: Hashable, Sendable, Comparable {
    /// The longest code that can be valid: two letters, a hyphen, three characters.
    public static let codeLengthMax = 6

    /// "US" or "US-NY", as the operator gave it (upper case).
    public var code: String

    public init(_ code: String) {
        self.code = code
    }

    /// The two-letter country this jurisdiction is in.
    public var country: Jurisdiction { Jurisdiction(String(decoding: code.utf8.prefix(2), as: UTF8.self)) }

    public var isRegion: Bool { code.utf8.count > 2 }

    /// Two upper-case letters naming an assigned ISO 3166-1 country, then optionally a hyphen and
    /// one to three upper-case letters or digits (the ISO 3166-2 subdivision part).
    public var isValid: Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 2 || (4...Self.codeLengthMax).contains(bytes.count) else { return false }
        guard Self.assignedCountries.contains(String(decoding: bytes[0..<2], as: UTF8.self)) else { return false }
        guard bytes.count > 2 else { return true }
        return bytes[2] == UInt8(ascii: "-") && bytes[3...].allSatisfy { (65...90).contains($0) || (48...57).contains($0) }
    }

    /// Whether a ruling for `self` governs an account of `account`: the same place, or `self` is
    /// the account's country.
    public func covers(_ account: Jurisdiction) -> Bool {
        self == account || (!isRegion && account.country == self)
    }

    public static func < (lhs: Jurisdiction, rhs: Jurisdiction) -> Bool { lhs.code < rhs.code }

    /// ISO 3166-1 alpha-2, the officially assigned codes.
    static let assignedCountries: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS \
        BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE \
        EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM \
        HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC \
        LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA \
        NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW \
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO \
        TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))
}
