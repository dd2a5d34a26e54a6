import Foundation
import GRDB
import SolventCore

/// `HistoryStore` in SQLite through GRDB.
///
/// A file store is a `DatabasePool` in WAL mode: `record` writes on the caller's thread while
/// any number of queries read the last committed state concurrently, never blocking it or each
/// other. `synchronous = NORMAL`: a power cut may lose the last few batches, which is fine because
/// the journal is the record and a store behind it is caught up by recording the missing batches.
public final class SQLiteHistoryStore: HistoryStore {
    let database: any DatabaseWriter

    /// Opens (creating and migrating as needed) the history database at `path`.
    public convenience init(path: String) throws {
        try self.init(database: DatabaseOpening.file(path: path, durability: .rebuildable))
    }

    /// A store in memory, gone when the value is: for tests and throwaway runs.
    public convenience init(inMemory: Void = ()) throws {
        try self.init(database: DatabaseOpening.memory())
    }

    init(database: any DatabaseWriter) throws {
        self.database = database
        try HistorySchema.migrator.migrate(database)
    }

    public func lastSequence() throws -> UInt64 {
        try database.read(Self.progress).sequence
    }

    public func record(_ batches: [HistoryBatch]) throws {
        let batches = batches.filter { !$0.commandEvents.isEmpty }
        guard !batches.isEmpty else { return }
        try database.write { db in try Self.write(batches, db) }
    }

    /// Projects every batch first, then writes the rows once: an order placed in one batch and
    /// filled in a later one is one row write, and a bar one merge.
    private static func write(_ batches: [HistoryBatch], _ db: Database) throws {
        let recorded = try progress(db).sequence
        var (last, lastTime) = (recorded, Timestamp(0))
        var projection = BatchProjection()
        // Batches at or below `last` are already here, all of them.
        for batch in batches where batch.lastSequence > last {
            guard batch.firstSequence <= last + 1 else {
                throw HistoryStoreError.sequenceGap(expected: last + 1, found: batch.firstSequence)
            }
            projection.add(batch, from: Int(last + 1 - batch.firstSequence))
            (last, lastTime) = (batch.lastSequence, batch.time)
        }
        guard last > recorded else { return }
        try HistoryWrites(db).write(projection)
        try db.cachedStatement(sql: "UPDATE progress SET lastSequence = ?, lastTime = ? WHERE id = 1")
            .execute(arguments: [Int64(last), lastTime])
    }

    static func progress(_ db: Database) throws -> (sequence: UInt64, time: Timestamp) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT lastSequence, lastTime FROM progress"))
        else { preconditionFailure("the progress row is created by the first migration") }
        let sequence: Int64 = row[0]
        assert(sequence >= 0, "sequences are positive")
        return (UInt64(sequence), row[1])
    }
}
