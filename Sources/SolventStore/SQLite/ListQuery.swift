import GRDB

/// The shape every history list shares: required equalities, optional bounds, a `limit`, and the
/// rule of which end to take from.
///
/// With a lower bound (`from…Id` or `startTime`) the answer is the oldest `limit` rows from it;
/// without one it is the newest `limit` rows (up to `endTime` if given), read newest first through
/// the same index and reversed, so every answer comes oldest → newest.
struct ListQuery {
    private var conditions: [String] = []
    private var values: [(any DatabaseValueConvertible)?] = []
    private(set) var hasLowerBound = false

    /// `column = value`.
    mutating func equal(_ column: String, _ value: some DatabaseValueConvertible) {
        conditions.append("\(column) = ?")
        values.append(value)
    }

    /// `column ≥ value` when a value is given: a lower bound.
    mutating func atLeast(_ column: String, _ value: (some DatabaseValueConvertible)?) {
        guard let value else { return }
        conditions.append("\(column) >= ?")
        values.append(value)
        hasLowerBound = true
    }

    /// `column ≤ value` when a value is given.
    mutating func atMost(_ column: String, _ value: (some DatabaseValueConvertible)?) {
        guard let value else { return }
        conditions.append("\(column) <= ?")
        values.append(value)
    }

    /// Runs the query and decodes each row, oldest → newest by the `order` columns.
    func fetch<Value>(_ db: Database, select columns: String, from table: String, order: [String], limit: Int,
                      decode: (Row) throws -> Value) throws -> [Value] {
        let rowsMax = min(max(limit, 0), historyQueryLimitMax)
        guard rowsMax > 0 else { return [] }
        let direction = hasLowerBound ? "ASC" : "DESC"
        let orderClause = order.map { "\($0) \(direction)" }.joined(separator: ", ")
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(columns) FROM \(table) \(whereClause) ORDER BY \(orderClause) LIMIT ?"
        var result: [Value] = []
        result.reserveCapacity(rowsMax)
        let arguments = StatementArguments(values + [rowsMax])
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try cursor.next() { result.append(try decode(row)) }
        assert(result.count <= rowsMax, "LIMIT was not honoured")
        return hasLowerBound ? result : result.reversed()
    }
}
