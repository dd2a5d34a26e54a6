import Foundation
import GRDB
import SolventCore

/// `APIKeyStore` in its own SQLite file (not the history database: that one is a rebuildable
/// cache of the journal, these rows exist nowhere else). `synchronous = FULL`, so a key the
/// server has confirmed survives a power cut; WAL, so lookups on every request run concurrently
/// with the rare writes.
public final class SQLiteAPIKeyStore: APIKeyStore {
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
        migrator.registerMigration("apiKeys.v1") { db in
            // ipAllowList is a JSON array of strings; kind is APIKeyKind's raw value;
            // permissions is APIKeyPermissions' raw value.
            try db.execute(sql: """
                CREATE TABLE api_keys (
                    id TEXT PRIMARY KEY,
                    account INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    material BLOB NOT NULL,
                    permissions INTEGER NOT NULL,
                    ipAllowList TEXT NOT NULL,
                    enabled INTEGER NOT NULL,
                    createdAt INTEGER NOT NULL);
                CREATE INDEX api_keys_by_account ON api_keys (account, createdAt, id);
                """)
        }
        try migrator.migrate(database)
    }

    private static let columns = "id, account, label, kind, material, permissions, ipAllowList, enabled, createdAt"

    public func insert(_ key: APIKeyRecord) throws {
        try Self.validate(key)
        let ipAllowList = String(decoding: try JSONEncoder().encode(key.ipAllowList), as: UTF8.self)
        try database.write { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT 1 FROM api_keys WHERE id = ?", arguments: [key.id]) ?? false
            guard !taken else { throw APIKeyStoreError.duplicateId }
            try db.execute(
                sql: "INSERT INTO api_keys (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [key.id, key.account, key.label, key.kind.rawValue, Data(key.material),
                            key.permissions.rawValue, ipAllowList, key.enabled, key.createdAt])
        }
    }

    public func key(id: String) throws -> APIKeyRecord? {
        try database.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.columns) FROM api_keys WHERE id = ?"),
                             arguments: [id]).map(Self.record)
        }
    }

    public func keys(account: AccountId) throws -> [APIKeyRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM api_keys WHERE account = ? ORDER BY createdAt, id",
                             arguments: [account]).map(Self.record)
        }
    }

    public func allKeys() throws -> [APIKeyRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM api_keys ORDER BY account, createdAt, id")
                .map(Self.record)
        }
    }

    public func setEnabled(id: String, enabled: Bool) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE api_keys SET enabled = ? WHERE id = ?", arguments: [enabled, id])
            return db.changesCount > 0
        }
    }

    public func revoke(id: String) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "DELETE FROM api_keys WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    private static func validate(_ key: APIKeyRecord) throws {
        guard APIKeyRecord.isValidId(key.id) else { throw APIKeyStoreError.invalid("id") }
        guard key.label.utf8.count <= APIKeyRecord.labelLengthMax else { throw APIKeyStoreError.invalid("label") }
        guard key.ipAllowList.count <= APIKeyRecord.ipAllowListCountMax,
              key.ipAllowList.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 64 })
        else { throw APIKeyStoreError.invalid("ipAllowList") }
        guard !key.material.isEmpty else { throw APIKeyStoreError.invalid("material") }
    }

    private static func record(_ row: Row) throws -> APIKeyRecord {
        let id: String = row[0]
        let ipAllowListJSON: String = row[6]
        let material: Data = row[4]
        guard let kind = APIKeyKind(rawValue: row[3]),
              let ipAllowList = try? JSONDecoder().decode([String].self, from: Data(ipAllowListJSON.utf8))
        else { throw APIKeyStoreError.corruptRow(id: id) }
        return APIKeyRecord(id: id, account: row[1], label: row[2], kind: kind, material: [UInt8](material),
                            permissions: APIKeyPermissions(rawValue: row[5]), ipAllowList: ipAllowList,
                            enabled: row[7], createdAt: row[8])
    }
}
