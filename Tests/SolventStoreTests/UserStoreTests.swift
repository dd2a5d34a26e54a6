import Foundation
import SolventCore
import SolventStore
import Testing

@Suite("Users and sessions")
struct UserStoreTests {
    static func user(_ login: String, account: AccountId) -> UserRecord {
        UserRecord(login: login, account: account, passwordHash: "pbkdf2-sha256$210000$c2FsdA==$aGFzaA==", createdAt: 1_000)
    }

    @Test func usersReadBackWholeAndLoginsAreUnique() throws {
        let store = try SQLiteUserStore(inMemory: ())
        var alice = Self.user("alice", account: 7)
        try store.insert(alice)
        #expect(try store.user(login: "alice") == alice)
        #expect(try store.user(login: "bob") == nil)
        #expect(throws: UserStoreError.duplicateLogin) { try store.insert(Self.user("alice", account: 8)) }
        alice.totpSecret = [1, 2, 3]
        alice.totpEnabled = true
        alice.totpLastStep = 55_000_000
        alice.failedAttempts = 3
        alice.lockedUntil = 9_999
        #expect(try store.update(alice))
        #expect(try store.user(login: "alice") == alice)
        #expect(try store.update(Self.user("nobody", account: 9)) == false)
        #expect(throws: UserStoreError.invalid("login")) { try store.insert(Self.user("", account: 10)) }
    }

    @Test func sessionsAreFoundByTheirHashDeletedAndExpired() throws {
        let store = try SQLiteUserStore(inMemory: ())
        try store.insert(Self.user("alice", account: 7))
        let short = SessionRecord(tokenHash: Array(repeating: 1, count: 32), login: "alice", account: 7, createdAt: 0,
                                  expiresAt: 100)
        let long = SessionRecord(tokenHash: Array(repeating: 2, count: 32), login: "alice", account: 7, createdAt: 0,
                                 expiresAt: 1_000)
        try store.insertSession(short)
        try store.insertSession(long)
        #expect(try store.session(tokenHash: short.tokenHash) == short)
        #expect(try store.session(tokenHash: Array(repeating: 3, count: 32)) == nil)
        #expect(Set(try store.sessions()) == [short, long])
        #expect(try store.deleteSessions(expiredAt: 100) == 1)
        #expect(try store.session(tokenHash: short.tokenHash) == nil)
        #expect(try store.deleteSession(tokenHash: long.tokenHash))
        #expect(try store.deleteSession(tokenHash: long.tokenHash) == false)
        #expect(try store.sessions().isEmpty)
    }

    @Test func aFileStoreKeepsUsersAndSessionsAcrossReopening() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-users-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("users.sqlite").path
        do {
            let store = try SQLiteUserStore(path: path)
            try store.insert(Self.user("alice", account: 7))
            try store.insertSession(SessionRecord(tokenHash: [9], login: "alice", account: 7, createdAt: 0, expiresAt: 5))
        }
        let reopened = try SQLiteUserStore(path: path)
        #expect(try reopened.user(login: "alice")?.account == 7)
        #expect(try reopened.session(tokenHash: [9])?.expiresAt == 5)
    }
}
