import SolventCore
import Synchronization

/// The legacy user-data-stream listen keys (spec §3.5): one per account, valid for 60 minutes
/// from its last keep-alive; asking again while it lives returns the same key.
final class ListenKeys: Sendable {
    static let lifetime: Int64 = 60 * 60 * 1_000
    private let keys = Mutex<[String: (account: AccountId, expires: Int64)]>([:])

    func open(for account: AccountId, now: Int64) -> String {
        keys.withLock { keys in
            keys = keys.filter { $0.value.expires > now }
            if let existing = keys.first(where: { $0.value.account == account }) {
                keys[existing.key] = (account, now + Self.lifetime)
                return existing.key
            }
            let key = RandomText.alphanumeric(64)
            keys[key] = (account, now + Self.lifetime)
            return key
        }
    }

    /// Extends the key's life; false if it is unknown, expired or another account's.
    func keepAlive(_ key: String, account: AccountId, now: Int64) -> Bool {
        keys.withLock { keys in
            guard let entry = keys[key], entry.account == account, entry.expires > now else { return false }
            keys[key] = (account, now + Self.lifetime)
            return true
        }
    }

    func close(_ key: String, account: AccountId) -> Bool {
        keys.withLock { keys in
            guard keys[key]?.account == account else { return false }
            keys[key] = nil
            return true
        }
    }

    /// The account a live key belongs to (for the stream connection, later).
    func account(of key: String, now: Int64) -> AccountId? {
        keys.withLock { keys in keys[key].flatMap { $0.expires > now ? $0.account : nil } }
    }
}
