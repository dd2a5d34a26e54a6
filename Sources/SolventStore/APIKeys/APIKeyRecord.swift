import SolventCore

/// How requests made with a key are signed (spec §2.2).
public enum APIKeyKind: String, Sendable, CaseIterable {
    /// HMAC-SHA256 with a shared secret; `material` is that secret *encrypted by the caller*.
    case hmac
    /// Ed25519; `material` is the public key.
    case ed25519
    /// RSA; `material` is the public key (PEM bytes).
    case rsa
}

/// What a key may do: `read` for USER_DATA, `trade` for TRADE, `withdraw` for withdrawals,
/// `proof` to fetch the account's per-epoch proof secret (which opens every leaf of the account
/// in that epoch, so a leaked read-only key must not expose it); `audit` alone makes an auditor's
/// key, which reads every account through the audit endpoints and can change nothing.
public struct APIKeyPermissions: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let read = APIKeyPermissions(rawValue: 1 << 0)
    public static let trade = APIKeyPermissions(rawValue: 1 << 1)
    public static let withdraw = APIKeyPermissions(rawValue: 1 << 2)
    public static let proof = APIKeyPermissions(rawValue: 1 << 3)
    public static let audit = APIKeyPermissions(rawValue: 1 << 4)
    /// Everything an account's own key may hold (an auditor's key holds `audit` and nothing else).
    public static let all: APIKeyPermissions = [.read, .trade, .withdraw, .proof]
}

/// One API key as the gateway authenticates it.
public struct APIKeyRecord: Hashable, Sendable {
    /// What clients send in `X-MBX-APIKEY` (64 characters when the server makes it): 1 to
    /// `idLengthMax` printable ASCII characters without spaces.
    public var id: String
    public var account: AccountId
    /// The owner's name for the key; at most `labelLengthMax` UTF-8 bytes.
    public var label: String
    public var kind: APIKeyKind
    /// Opaque to the store: an encrypted HMAC secret, or a public key.
    public var material: [UInt8]
    public var permissions: APIKeyPermissions
    /// Addresses or CIDR ranges allowed to use the key; empty means any.
    public var ipAllowList: [String]
    public var enabled: Bool
    public var createdAt: Timestamp

    public static let idLengthMax = 128
    public static let labelLengthMax = 256
    public static let ipAllowListCountMax = 64

    public init(id: String, account: AccountId, label: String, kind: APIKeyKind, material: [UInt8],
                permissions: APIKeyPermissions, ipAllowList: [String] = [], enabled: Bool = true,
                createdAt: Timestamp) {
        self.id = id
        self.account = account
        self.label = label
        self.kind = kind
        self.material = material
        self.permissions = permissions
        self.ipAllowList = ipAllowList
        self.enabled = enabled
        self.createdAt = createdAt
    }

    /// Whether `id` is well formed: what `APIKeyStore.insert` checks, and a cheap first filter for
    /// a header value before any lookup.
    public static func isValidId(_ id: String) -> Bool {
        let bytes = id.utf8
        return (1...idLengthMax).contains(bytes.count) && bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }
}
