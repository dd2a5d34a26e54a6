import SolventCore

/// API keys: not a projection of the journal but data of their own, so they are kept apart from
/// history (a history database can be deleted and rebuilt; keys cannot).
public protocol APIKeyStore: Sendable {
    /// Adds a key; throws `APIKeyStoreError.duplicateId` if the id is taken and `.invalid` if
    /// the record breaks a bound of `APIKeyRecord`.
    func insert(_ key: APIKeyRecord) throws
    func key(id: String) throws -> APIKeyRecord?
    /// An account's keys, oldest first.
    func keys(account: AccountId) throws -> [APIKeyRecord]
    /// Every key, by account then age.
    func allKeys() throws -> [APIKeyRecord]
    /// `false` if there is no such key.
    func setEnabled(id: String, enabled: Bool) throws -> Bool
    /// Deletes the key for good; `false` if there was no such key.
    func revoke(id: String) throws -> Bool
}

public enum APIKeyStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateId
    /// A field breaks its bound; the associated value names it.
    case invalid(String)
    /// A stored row does not decode.
    case corruptRow(id: String)

    public var description: String {
        switch self {
        case .duplicateId: "an API key with this id exists"
        case .invalid(let what): "invalid API key: \(what)"
        case .corruptRow(let id): "stored API key \(id) does not decode"
        }
    }
}
