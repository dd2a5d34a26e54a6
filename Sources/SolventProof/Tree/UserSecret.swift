/// A user's 32-byte secret `k_u`: shown to its owner, who alone (with the exchange) can recompute
/// the commitment to their account id that their leaf carries.
///
/// Per epoch: `k_ue = HMAC(k_u, "epoch" ‖ e)`, commitment `c = HMAC(k_ue, accountId)`. A fresh key
/// per epoch means leaves of one account in two epochs cannot be linked by anyone else.
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

    /// `k_ue`, the account's key for one epoch.
    public func epochKey(_ epoch: UInt64) -> Hash256 {
        KeyedHash.authenticationCode(key: key, label: ProofFormat.epochLabel, epoch)
    }

    /// `c`, the commitment to `accountId` that the leaf of this epoch carries.
    public func commitment(accountId: UInt64, epoch: UInt64) -> Hash256 {
        KeyedHash.authenticationCode(key: epochKey(epoch), label: [], accountId)
    }
}
