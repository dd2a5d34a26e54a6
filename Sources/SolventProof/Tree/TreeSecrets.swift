/// The exchange's one tree secret (32 bytes, kept with its signing key) and everything derived
/// from it, so nothing else has to be stored per user or per epoch:
///
/// - user secret `k_u = HMAC(master, "user" ‖ accountId)`, retrievable by its owner at any time;
/// - shuffle key of epoch `e`: `HMAC(master, "shuffle" ‖ e)`, which orders the leaves;
/// - padding key of epoch `e`: `HMAC(master, "padding" ‖ e)`, which makes the padding hashes.
///
/// Whoever holds the master can unmask every leaf, exactly as the exchange can: keep it secret.
public struct TreeSecrets: Sendable {
    let master: Hash256

    public init(master: Hash256) {
        self.master = master
    }

    public func userSecret(accountId: UInt64) -> UserSecret {
        Self.userSecret(KeyedHash(key: master), accountId: accountId)
    }

    /// `userSecret` with the master's pads already absorbed (the builder derives millions).
    static func userSecret(_ master: KeyedHash, accountId: UInt64) -> UserSecret {
        UserSecret(key: master.authenticationCode(label: ProofFormat.userLabel, accountId))
    }

    func shuffleKey(epoch: UInt64) -> Hash256 {
        KeyedHash(key: master).authenticationCode(label: ProofFormat.shuffleLabel, epoch)
    }

    func paddingKey(epoch: UInt64) -> Hash256 {
        KeyedHash(key: master).authenticationCode(label: ProofFormat.paddingLabel, epoch)
    }
}
