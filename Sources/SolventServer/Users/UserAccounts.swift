import Foundation
import SolventAudit
import SolventCore
import SolventStore
import SolventWire
import Synchronization

/// Signing up, in and out on the web page, and the lock-out rules: a login locks for
/// `UserSettings.lockoutSeconds` after `lockoutFailures` failed attempts in a row (wrong
/// password or wrong second factor), and answers "locked" without checking anything until then.
final class UserAccounts: Sendable {
    static let passwordLengthMin = 10
    static let passwordLengthMax = 256
    let store: any UserStore
    let sessions: WebSessions
    let settings: UserSettings
    let masterKey: MasterKey
    private let throttle: LoginThrottle
    /// Opens the exchange account a new user trades as: the journaled `openAccount` command,
    /// the one way accounts come to exist (`AdminOperations.openAccount`).
    private let openAccount: @Sendable () async throws(BinanceError) -> AccountId
    private let decoy: String
    /// Serialises read-change-write of a user row (failure counts, accepted TOTP steps), so two
    /// concurrent attempts cannot both count as the first failure or both use one code.
    private let changes = Mutex<Void>(())

    init(store: any UserStore, sessions: WebSessions, settings: UserSettings, masterKey: MasterKey,
         openAccount: @escaping @Sendable () async throws(BinanceError) -> AccountId) {
        self.store = store
        self.sessions = sessions
        self.settings = settings
        self.masterKey = masterKey
        self.openAccount = openAccount
        throttle = LoginThrottle(attemptsPerMinute: settings.attemptsPerMinute)
        decoy = PasswordHash.decoy(rounds: settings.passwordRounds)
    }

    /// A new user with a new exchange account, signed in.
    func signUp(login rawLogin: String, password: String, ip: String, now: Int64) async throws(BinanceError)
        -> SignedIn {
        try throttle.charge(ip: ip, now: now)
        let login = try Self.normalized(rawLogin)
        guard (Self.passwordLengthMin...Self.passwordLengthMax).contains(password.count) else { throw .weakPassword }
        guard try read({ try store.user(login: login) }) == nil else { throw .loginTaken }
        let rounds = settings.passwordRounds
        let hash: String
        do {
            hash = try await OffThread.run("password hash") { try PasswordHash.make(password, rounds: rounds) }
        } catch {
            throw .unknown("cannot hash the password: \(error)")
        }
        // Opened before the user is stored: if a concurrent sign-up takes the login in between,
        // an empty account is left behind, which holds nothing and harms no one.
        let account = try await openAccount()
        let user = UserRecord(login: login, account: account, passwordHash: hash, createdAt: now)
        do {
            try store.insert(user)
        } catch UserStoreError.duplicateLogin {
            throw .loginTaken
        } catch {
            throw .unknown("cannot store the user: \(error)")
        }
        return try openSession(user, now: now)
    }

    /// Signs `login` in: the password, then (when it is on) the second factor.
    func logIn(login rawLogin: String, password: String, totpCode: String?, ip: String, now: Int64)
        async throws(BinanceError) -> SignedIn {
        try throttle.charge(ip: ip, now: now)
        let login = (try? Self.normalized(rawLogin)) ?? ""
        guard let user = try read({ try store.user(login: login) }) else {
            _ = try? await OffThread.run("password hash") { [decoy] in PasswordHash.verify(password, against: decoy) }
            throw .wrongCredentials
        }
        guard user.lockedUntil <= now else { throw .lockedOut(until: user.lockedUntil, now: now) }
        let matches = (try? await OffThread.run("password hash") { PasswordHash.verify(password, against: user.passwordHash) })
            ?? false
        guard matches else { throw try failure(login, now: now, error: .wrongCredentials) }
        if user.totpEnabled {
            guard let totpCode, !totpCode.isEmpty else { throw .secondFactorRequired }
            try checkSecondFactor(login: login, code: totpCode, now: now)
        }
        let signedIn = try change(login) { user in user.failedAttempts = 0 }
        return try openSession(signedIn, now: now)
    }

    func user(_ session: SessionRecord) throws(BinanceError) -> UserRecord {
        guard let user = try read({ try store.user(login: session.login) }) else { throw .notSignedIn }
        return user
    }

    // MARK: Shared steps

    /// Counts a failed attempt and returns what to answer: `error`, or the lock-out it caused.
    func failure(_ login: String, now: Int64, error: BinanceError) throws(BinanceError) -> BinanceError {
        let user = try change(login) { user in
            user.failedAttempts += 1
            if user.failedAttempts >= settings.lockoutFailures {
                user.failedAttempts = 0
                user.lockedUntil = now + Int64(settings.lockoutSeconds) * 1_000
            }
        }
        return user.lockedUntil > now ? .lockedOut(until: user.lockedUntil, now: now) : error
    }

    /// Applies `edit` to the stored user `login` and stores it, under the lock.
    @discardableResult
    func change(_ login: String, _ edit: (inout UserRecord) throws(BinanceError) -> Void) throws(BinanceError) -> UserRecord {
        try changes.withLock { _ throws(BinanceError) in
            guard var user = try read({ try store.user(login: login) }) else { throw .notSignedIn }
            try edit(&user)
            let stored = user
            guard try read({ try store.update(stored) }) else { throw .notSignedIn }
            return user
        }
    }

    /// A store call whose failure is the server's (500), not the caller's.
    func read<Value>(_ body: () throws -> Value) throws(BinanceError) -> Value {
        do {
            return try body()
        } catch {
            throw .unknown("the user store failed: \(error)")
        }
    }

    /// A user just signed in: who, the token for their cookie, and its session.
    struct SignedIn: Sendable {
        let user: UserRecord
        let token: String
        let session: SessionRecord
    }

    private func openSession(_ user: UserRecord, now: Int64) throws(BinanceError) -> SignedIn {
        _ = try? store.deleteSessions(expiredAt: now)
        let (token, session) = try read { try sessions.open(for: user, now: now) }
        return SignedIn(user: user, token: token, session: session)
    }

    /// Logins are compared in lower case: 3 to 64 of letters, digits and `._-+@`.
    static func normalized(_ login: String) throws(BinanceError) -> String {
        let lowered = login.lowercased()
        let allowed = lowered.utf8.allSatisfy { byte in
            (97...122).contains(byte) || (48...57).contains(byte) || Array("._-+@".utf8).contains(byte)
        }
        guard (3...UserRecord.loginLengthMax).contains(lowered.utf8.count), allowed else { throw .invalidLogin }
        return lowered
    }
}
