import Foundation
import SolventCore
import SolventStore
import Testing

@Suite("API keys")
struct APIKeyStoreTests {
    static func key(_ number: Int, account: AccountId, kind: APIKeyKind = .hmac, createdAt: Timestamp = 1_000) -> APIKeyRecord {
        let id = String(repeating: "k", count: 60) + String(format: "%04d", number)
        return APIKeyRecord(id: id, account: account, label: "key \(number)", kind: kind,
                            material: Array("material-\(number)".utf8), permissions: [.read, .trade],
                            ipAllowList: ["10.0.0.1", "192.168.0.0/16"], createdAt: createdAt)
    }

    @Test func insertedKeysReadBackWholeByIdAndByAccount() throws {
        let store = try SQLiteAPIKeyStore(inMemory: ())
        let first = Self.key(1, account: 7, createdAt: 5)
        var second = Self.key(2, account: 7, kind: .ed25519, createdAt: 3)
        second.permissions = .all
        second.ipAllowList = []
        let other = Self.key(3, account: 8, kind: .rsa)
        for key in [first, second, other] { try store.insert(key) }
        #expect(first.id.count == 64)
        #expect(try store.key(id: first.id) == first)
        #expect(try store.key(id: second.id) == second)
        #expect(try store.key(id: "nope") == nil)
        #expect(try store.keys(account: 7) == [second, first], "oldest first")
        #expect(try store.keys(account: 9).isEmpty)
        #expect(try store.allKeys() == [second, first, other])
    }

    @Test func keysAreDisabledEnabledAndRevoked() throws {
        let store = try SQLiteAPIKeyStore(inMemory: ())
        let key = Self.key(1, account: 7)
        try store.insert(key)
        #expect(try store.setEnabled(id: key.id, enabled: false))
        #expect(try store.key(id: key.id)?.enabled == false)
        #expect(try store.setEnabled(id: key.id, enabled: true))
        #expect(try store.key(id: key.id)?.enabled == true)
        #expect(try store.setEnabled(id: "missing", enabled: false) == false)
        #expect(try store.revoke(id: key.id))
        #expect(try store.key(id: key.id) == nil)
        #expect(try store.revoke(id: key.id) == false)
        try store.insert(key) // a revoked id is free again
    }

    @Test func aTakenIdOrABrokenBoundIsRefused() throws {
        let store = try SQLiteAPIKeyStore(inMemory: ())
        let key = Self.key(1, account: 7)
        try store.insert(key)
        #expect(throws: APIKeyStoreError.duplicateId) { try store.insert(key) }
        var spaced = Self.key(2, account: 7)
        spaced.id = "has space"
        #expect(throws: APIKeyStoreError.invalid("id")) { try store.insert(spaced) }
        var empty = Self.key(3, account: 7)
        empty.material = []
        #expect(throws: APIKeyStoreError.invalid("material")) { try store.insert(empty) }
        var blank = Self.key(4, account: 7)
        blank.ipAllowList = [""]
        #expect(throws: APIKeyStoreError.invalid("ipAllowList")) { try store.insert(blank) }
        #expect(try store.allKeys() == [key])
    }

    @Test func keysSurviveReopeningTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/keys.sqlite"
        let key = Self.key(1, account: 7, kind: .ed25519)
        do {
            let store = try SQLiteAPIKeyStore(path: path)
            try store.insert(key)
            #expect(try store.setEnabled(id: key.id, enabled: false))
        }
        let reopened = try SQLiteAPIKeyStore(path: path)
        var expected = key
        expected.enabled = false
        #expect(try reopened.allKeys() == [expected])
    }
}
