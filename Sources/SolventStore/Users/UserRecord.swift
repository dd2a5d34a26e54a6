import SolventCore

/// One person who signs in on the web page: their login, the exchange account they trade as,
/// their password's hash and their second factor. The store keeps every field as given: hashing,
/// sealing and the lock-out rules are the server's.
public struct UserRecord: Hashable, Sendable {
    /// What the user types to sign in, already normalised by the server (lower case).
    public var login: String
    public var account: AccountId
    /// The password hash in its self-describing text form (algorithm, cost, salt, hash).
    public var passwordHash: String
    /// The TOTP secret, sealed by the caller; nil until the user sets a second factor up.
    public var totpSecret: [UInt8]?
    /// Whether sign-in and sensitive actions ask for a TOTP code (set once a code confirmed it).
    public var totpEnabled: Bool
    /// The last TOTP time step accepted: a code of that step or an earlier one is a replay.
    public var totpLastStep: Int64
    /// Failed sign-ins (and second-factor checks) since the last success.
    public var failedAttempts: Int
    /// Until when (ms) the user is locked out; 0 when not locked.
    public var lockedUntil: Timestamp
    public var createdAt: Timestamp

    public static let loginLengthMax = 64

    public init(login: String, account: AccountId, passwordHash: String, totpSecret: [UInt8]? = nil,
                totpEnabled: Bool = false, totpLastStep: Int64 = 0, failedAttempts: Int = 0, lockedUntil: Timestamp = 0,
                createdAt: Timestamp) {
        self.login = login
        self.account = account
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.totpEnabled = totpEnabled
        self.totpLastStep = totpLastStep
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
    }
}

/// A signed-in browser: kept by the hash of its cookie's token (a copy of the store opens no
/// session), with a hard expiry.
public struct SessionRecord: Hashable, Sendable {
    /// SHA-256 of the session token the cookie carries.
    public var tokenHash: [UInt8]
    public var login: String
    public var account: AccountId
    public var createdAt: Timestamp
    public var expiresAt: Timestamp

    public init(tokenHash: [UInt8], login: String, account: AccountId, createdAt: Timestamp, expiresAt: Timestamp) {
        self.tokenHash = tokenHash
        self.login = login
        self.account = account
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
