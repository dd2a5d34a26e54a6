import SolventCore

/// The web page's users and their sessions: like API keys, data of their own that the journal
/// does not hold (the exchange account a user trades as is opened through the journal).
public protocol UserStore: Sendable {
    /// Adds a user; throws `UserStoreError.duplicateLogin` if the login is taken.
    func insert(_ user: UserRecord) throws
    func user(login: String) throws -> UserRecord?
    /// Replaces the stored user of the same login; `false` if there is none.
    func update(_ user: UserRecord) throws -> Bool

    func insertSession(_ session: SessionRecord) throws
    func session(tokenHash: [UInt8]) throws -> SessionRecord?
    /// Every stored session (what a starting server serves from memory).
    func sessions() throws -> [SessionRecord]
    /// `false` if there was no such session.
    func deleteSession(tokenHash: [UInt8]) throws -> Bool
    /// Drops every session that expired at or before `now`; returns how many.
    func deleteSessions(expiredAt now: Timestamp) throws -> Int
}

public enum UserStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateLogin
    /// A field breaks its bound; the associated value names it.
    case invalid(String)

    public var description: String {
        switch self {
        case .duplicateLogin: "a user with this login exists"
        case .invalid(let what): "invalid user: \(what)"
        }
    }
}
