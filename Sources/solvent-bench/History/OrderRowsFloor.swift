import GRDB
import SolventCore
import SolventStore

/// The baseline `solvent-bench history` measures the store against: the same batches, projected
/// the same way, but only the orders written, into the store's `orders` table without its
/// indexes. What the store costs above this is its indexes and its other tables.

final class OrderRowsFloor {
    private let database: any DatabaseWriter

    /// Creates the table in a new database file at `path`, opened as the store opens its own.
    init(path: String) throws {
        database = try DatabaseOpening.file(path: path, durability: .rebuildable)
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY, account INTEGER NOT NULL, market INTEGER NOT NULL,
                    clientOrderId TEXT NOT NULL, status INTEGER NOT NULL,
                    createdAt INTEGER NOT NULL, updatedAt INTEGER NOT NULL, encoded BLOB NOT NULL)
                """)
        }
    }

    /// Writes each order's last state in `batches`, in one transaction.
    func record(_ batches: [HistoryBatch]) throws {
        var projection = BatchProjection()
        for batch in batches { projection.add(batch) }
        try database.write { db in
            var writer = try OrderRowWriter(db)
            for order in projection.orders { try writer.write(order) }
        }
    }
}
