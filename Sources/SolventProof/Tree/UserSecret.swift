/// A user's 32-byte secret for one epoch, `s`: given to its owner (and to nobody else), who with
/// it alone can recompute the commitment to their account id that both their leaves carry:
/// `c = HMAC(s, accountId)`. Each epoch has its own secret (`TreeSecrets`), so leaves of one
/// account in two epochs cannot be linked, and one leaked secret opens one epoch only; to check
/// an old epoch again, the user keeps (or fetches again) that epoch's secret.
public struct UserSecret: Hashable, Sendable {
    public let key: Hash256

    public init(key: Hash256) {
        self.key = key
    }

    /// The secret written as 64 lowercase hex characters, or nil.
    public init?(hex: String) {
        guard case .success(let bytes) = Hex.decode(hex, byteCount: Hash256.byteCount) else { return nil }
        key = Hash256(bytes: bytes)!
    }

    public var hex: String { key.hex }

    /// `c`, the commitment to `accountId` that the account's leaves of this secret's epoch carry.
    public func commitment(accountId: UInt64) -> Hash256 {
        KeyedHash.authenticationCode(key: key, label: [], accountId)
    }
}
