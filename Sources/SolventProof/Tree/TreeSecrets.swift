/// The exchange's one tree secret (32 bytes, kept with its signing key) and everything derived
/// from it, per epoch `e`, so nothing else has to be stored per user or per epoch:
///
/// - user key of epoch `e`: `HMAC(master, "user" ‖ e)`; the user secret of account `a` in that
///   epoch is `s = HMAC(userKey, a)`. A new secret every epoch: one that leaks (with the key
///   that fetched it) unmasks that epoch's leaves of that account and no other epoch's;
/// - placement key: `HMAC(master, "placement" ‖ e)`, which spreads the leaves over the tree;
/// - split key: `HMAC(master, "split" ‖ e)`, which splits each balance into its two shares;
/// - padding key: `HMAC(master, "padding" ‖ e)`, which makes the padding hashes.
///
/// Whoever holds the master can unmask every leaf, exactly as the exchange can: keep it secret.
public struct TreeSecrets: Sendable {
    let master: Hash256

    public init(master: Hash256) {
        self.master = master
    }

    /// `accountId`'s secret for `epoch`: what the user needs to find and check their leaves.
    public func userSecret(accountId: UInt64, epoch: UInt64) -> UserSecret {
        Self.userSecret(KeyedHash(key: userKey(epoch: epoch)), accountId: accountId)
    }

    /// `userSecret` with the epoch's user key already absorbed (the builder derives millions).
    static func userSecret(_ userKey: KeyedHash, accountId: UInt64) -> UserSecret {
        UserSecret(key: userKey.authenticationCode(label: [], accountId))
    }

    func userKey(epoch: UInt64) -> Hash256 { derived(ProofFormat.userLabel, epoch) }
    func placementKey(epoch: UInt64) -> Hash256 { derived(ProofFormat.placementLabel, epoch) }
    func splitKey(epoch: UInt64) -> Hash256 { derived(ProofFormat.splitLabel, epoch) }
    func paddingKey(epoch: UInt64) -> Hash256 { derived(ProofFormat.paddingLabel, epoch) }

    private func derived(_ label: [UInt8], _ epoch: UInt64) -> Hash256 {
        KeyedHash(key: master).authenticationCode(label: label, epoch)
    }
}
