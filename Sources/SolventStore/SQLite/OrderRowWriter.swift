import GRDB
import SolventCore

/// Writes orders into an `orders` table, the whole order in the core's binary format
/// (OrderCoding.swift) beside the columns the queries search by.
///
/// Nothing is allocated per order: the order and its client id are encoded into buffers kept
/// from one order to the next, and bound to the statement without a copy.
package struct OrderRowWriter {
    /// The columns `write` binds, in parameter order.
    static let columns = "account, market, id, clientOrderId, status, createdAt, updatedAt, encoded"

    private let statement: BoundStatement
    private var encoded = BinaryWriter(capacity: 256)
    private var clientOrderId = BinaryWriter(capacity: 1 + ClientOrderId.capacity)

    /// `db` must be in a transaction; `table` has at least `columns`, `id` its primary key.
    package init(_ db: Database, table: String = "orders") throws {
        // An order's account, market and creation time never change, so a later state updates
        // the row in place: SQLite then leaves `orders_by_account` alone, where a REPLACE would
        // delete the row and its index entries and insert them again.
        statement = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO \(table) (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET clientOrderId = excluded.clientOrderId, status = excluded.status,
                updatedAt = excluded.updatedAt, encoded = excluded.encoded
            """))
    }

    /// Inserts `order`, or updates the row of its earlier state.
    package mutating func write(_ order: Order) throws {
        encoded.reset()
        encoded.write(order)
        clientOrderId.reset()
        clientOrderId.write(order.clientOrderId)
        statement.bind(1, Int64(order.account))
        statement.bind(2, Int64(order.market))
        statement.bind(3, order.id)
        statement.bind(5, Int64(order.status.rawValue))
        statement.bind(6, order.createdAt)
        statement.bind(7, order.updatedAt)
        try encoded.bytes.withUnsafeBytes { encoded in
            try clientOrderId.bytes.withUnsafeBytes { clientOrderId in
                // A client id encodes as its byte count, then its ASCII bytes.
                assert(Int(clientOrderId[0]) == clientOrderId.count - 1, "client order id encoding changed")
                statement.bindText(4, UnsafeRawBufferPointer(rebasing: clientOrderId.dropFirst()))
                statement.bindBlob(8, encoded)
                try statement.run()
            }
        }
    }
}
