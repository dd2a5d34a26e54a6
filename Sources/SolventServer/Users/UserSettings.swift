/// The web page's sign-in rules (`solvent serve --config`'s `users` object).
public struct UserSettings: Sendable, Equatable {
    /// PBKDF2-HMAC-SHA256 rounds for new password hashes (`PasswordHash`); at least 210,000.
    public var passwordRounds = 600_000
    /// Failed sign-ins (or second-factor checks) in a row that lock a login out...
    public var lockoutFailures = 5
    /// ...for this long.
    public var lockoutSeconds = 15 * 60
    /// Sign-up and sign-in attempts one IP may make per minute.
    public var attemptsPerMinute = 20
    /// A session's life from sign-in; it ends earlier at logout.
    public var sessionSeconds = 12 * 60 * 60
    /// Mark the cookie `Secure` even when no proxy says the request came over TLS
    /// (`X-Forwarded-Proto: https` does it per request).
    public var secureCookies = false

    public init() {}

    public func validate() throws {
        guard passwordRounds >= PasswordHash.roundsMin else {
            throw ServerError("users.passwordRounds must be at least \(PasswordHash.roundsMin)")
        }
        guard lockoutFailures >= 1, lockoutSeconds >= 1, attemptsPerMinute >= 1, sessionSeconds >= 60 else {
            throw ServerError("users: lockoutFailures, lockoutSeconds and attemptsPerMinute must be positive, "
                + "sessionSeconds at least 60")
        }
    }
}

/// The `users` object of the configuration file; every key optional.
struct UserSettingsFile: Decodable {
    var passwordRounds: Int?
    var lockoutFailures: Int?
    var lockoutSeconds: Int?
    var attemptsPerMinute: Int?
    var sessionSeconds: Int?
    var secureCookies: Bool?

    static let keys: Set<String> = ["passwordRounds", "lockoutFailures", "lockoutSeconds", "attemptsPerMinute",
                                    "sessionSeconds", "secureCookies"]

    func apply(to settings: inout UserSettings) {
        settings.passwordRounds = passwordRounds ?? settings.passwordRounds
        settings.lockoutFailures = lockoutFailures ?? settings.lockoutFailures
        settings.lockoutSeconds = lockoutSeconds ?? settings.lockoutSeconds
        settings.attemptsPerMinute = attemptsPerMinute ?? settings.attemptsPerMinute
        settings.sessionSeconds = sessionSeconds ?? settings.sessionSeconds
        settings.secureCookies = secureCookies ?? settings.secureCookies
    }
}
