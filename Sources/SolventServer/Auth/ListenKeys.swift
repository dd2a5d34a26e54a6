import SolventCore
import Synchronization

/// The legacy user-data-stream listen keys (spec §3.5): one per account, valid for 60 minutes
/// from its last keep-alive; asking again while it lives returns the same key. Each remembers
/// the API keys that asked for it, so it dies with the last of them revoked or disabled, not 60
/// minutes later.
final class ListenKeys: Sendable {
    static let lifetime: Int64 = 60 * 60 * 1_000

    private struct Entry {
        let account: AccountId
        var expires: Int64
        /// API keys that opened it (none when the web page's session did).
        var openedBy: Set<String>
    }

    private let keys = Mutex<[String: Entry]>([:])

    func open(for account: AccountId, by apiKey: String?, now: Int64) -> String {
        keys.withLock { keys in
            keys = keys.filter { $0.value.expires > now }
            if let existing = keys.first(where: { $0.value.account == account }) {
                keys[existing.key]?.expires = now + Self.lifetime
                if let apiKey { keys[existing.key]?.openedBy.insert(apiKey) }
                return existing.key
            }
            let key = RandomText.alphanumeric(64)
            keys[key] = Entry(account: account, expires: now + Self.lifetime, openedBy: apiKey.map { [$0] } ?? [])
            return key
        }
    }

    /// Extends the key's life; false if it is unknown, expired or another account's.
    func keepAlive(_ key: String, account: AccountId, now: Int64) -> Bool {
        keys.withLock { keys in
            guard let entry = keys[key], entry.account == account, entry.expires > now else { return false }
            keys[key]?.expires = now + Self.lifetime
            return true
        }
    }

    /// Drops the listen keys every API key that opened them has lost (revoked or disabled).
    func dropOrphans(keyIsActive: (String) -> Bool) {
        keys.withLock { keys in
            keys = keys.filter { $0.value.openedBy.isEmpty || $0.value.openedBy.contains(where: keyIsActive) }
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
