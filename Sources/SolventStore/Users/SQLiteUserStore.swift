import Foundation
import GRDB
import SolventCore

/// `UserStore` in its own SQLite file, durable like the API keys (`synchronous = FULL`): an
/// acknowledged sign-up, lock-out or accepted TOTP step survives a power cut.
public final class SQLiteUserStore: UserStore {
    private let database: any DatabaseWriter

    public convenience init(path: String) throws {
        try self.init(database: DatabaseOpening.file(path: path, durability: .authoritative))
    }

    /// A store in memory, for tests.
    public convenience init(inMemory: Void = ()) throws {
        try self.init(database: DatabaseOpening.memory())
    }

    init(database: any DatabaseWriter) throws {
        self.database = database
        var migrator = DatabaseMigrator()
        migrator.registerMigration("users.v1") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    login TEXT PRIMARY KEY,
                    account INTEGER NOT NULL UNIQUE,
                    passwordHash TEXT NOT NULL,
                    totpSecret BLOB,
                    totpEnabled INTEGER NOT NULL,
                    totpLastStep INTEGER NOT NULL,
                    failedAttempts INTEGER NOT NULL,
                    lockedUntil INTEGER NOT NULL,
                    createdAt INTEGER NOT NULL);
                CREATE TABLE sessions (
                    tokenHash BLOB PRIMARY KEY,
                    login TEXT NOT NULL REFERENCES users (login),
                    account INTEGER NOT NULL,
                    createdAt INTEGER NOT NULL,
                    expiresAt INTEGER NOT NULL);
                CREATE INDEX sessions_by_expiry ON sessions (expiresAt);
                """)
        }
        try migrator.migrate(database)
    }

    private static let columns = "login, account, passwordHash, totpSecret, totpEnabled, totpLastStep, failedAttempts, "
        + "lockedUntil, createdAt"

    public func insert(_ user: UserRecord) throws {
        try Self.validate(user)
        try database.write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE login = ?", arguments: [user.login]) ?? false
            guard !taken else { throw UserStoreError.duplicateLogin }
            try db.execute(sql: "INSERT INTO users (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [user.login, user.account, user.passwordHash, user.totpSecret.map { Data($0) },
                                       user.totpEnabled, user.totpLastStep, user.failedAttempts, user.lockedUntil,
                                       user.createdAt])
        }
    }

    public func user(login: String) throws -> UserRecord? {
        try database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM users WHERE login = ?"),
                             arguments: [login]).map(Self.user)
        }
    }

    public func update(_ user: UserRecord) throws -> Bool {
        try Self.validate(user)
        return try database.write { db in
            try db.execute(sql: """
                UPDATE users SET account = ?, passwordHash = ?, totpSecret = ?, totpEnabled = ?, totpLastStep = ?,
                    failedAttempts = ?, lockedUntil = ?, createdAt = ? WHERE login = ?
                """, arguments: [user.account, user.passwordHash, user.totpSecret.map { Data($0) }, user.totpEnabled,
                                 user.totpLastStep, user.failedAttempts, user.lockedUntil, user.createdAt, user.login])
            return db.changesCount > 0
        }
    }

    public func insertSession(_ session: SessionRecord) throws {
        try database.write { db in
            try db.execute(sql: "INSERT INTO sessions (tokenHash, login, account, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Data(session.tokenHash), session.login, session.account, session.createdAt,
                                       session.expiresAt])
        }
    }

    public func session(tokenHash: [UInt8]) throws -> SessionRecord? {
        try database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT login, account, createdAt, expiresAt FROM sessions WHERE tokenHash = ?"),
                             arguments: [Data(tokenHash)]).map { row in
                SessionRecord(tokenHash: tokenHash, login: row[0], account: row[1], createdAt: row[2], expiresAt: row[3])
            }
        }
    }

    public func sessions() throws -> [SessionRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT tokenHash, login, account, createdAt, expiresAt FROM sessions ORDER BY createdAt")
                .map { row in
                    let hash: Data = row[0]
                    return SessionRecord(tokenHash: [UInt8](hash), login: row[1], account: row[2], createdAt: row[3],
                                         expiresAt: row[4])
                }
        }
    }

    public func deleteSession(tokenHash: [UInt8]) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE tokenHash = ?", arguments: [Data(tokenHash)])
            return db.changesCount > 0
        }
    }

    public func deleteSessions(expiredAt now: Timestamp) throws -> Int {
        try database.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expiresAt <= ?", arguments: [now])
            return db.changesCount
        }
    }

    private static func validate(_ user: UserRecord) throws {
        guard (1...UserRecord.loginLengthMax).contains(user.login.utf8.count) else { throw UserStoreError.invalid("login") }
        guard !user.passwordHash.isEmpty else { throw UserStoreError.invalid("passwordHash") }
        guard user.failedAttempts >= 0 else { throw UserStoreError.invalid("failedAttempts") }
    }

    private static func user(_ row: Row) -> UserRecord {
        let secret: Data? = row[3]
        return UserRecord(login: row[0], account: row[1], passwordHash: row[2], totpSecret: secret.map { [UInt8]($0) },
                          totpEnabled: row[4], totpLastStep: row[5], failedAttempts: row[6], lockedUntil: row[7],
                          createdAt: row[8])
    }
}
