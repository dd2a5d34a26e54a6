import GRDB
import GRDBSQLite

/// One of GRDB's prepared statements, bound and run through SQLite's C API.
///
/// `record` binds a few million values a second. GRDB's `StatementArguments` (an array of
/// existentials per row) and the `Data` copy a blob needs cost more CPU than SQLite's own insert,
/// so the write path binds integers, text and blobs straight from memory it already holds.
/// Binding never copies: text and blobs are bound `SQLITE_STATIC` (a null destructor), so the memory must stay valid
/// until `run()` returns (callers bind and run inside one `withUnsafeBytes`).
struct BoundStatement {
    private let handle: SQLiteStatement
    private let sql: String

    /// `statement` must be prepared on the connection the caller is writing with.
    init(_ statement: Statement) {
        handle = statement.sqliteStatement
        sql = statement.sql
    }

    /// Binds `value` to parameter `index` (1-based, as in SQLite).
    func bind(_ index: Int32, _ value: Int64) {
        let code = sqlite3_bind_int64(handle, index, value)
        assert(code == SQLITE_OK, "bind \(index) of \(sql) failed: \(code)")
    }

    func bind(_ index: Int32, _ value: Bool) {
        bind(index, value ? 1 : 0)
    }

    /// Binds `bytes` as a BLOB, without copying them.
    func bindBlob(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        let code = sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
        assert(code == SQLITE_OK, "bind \(index) of \(sql) failed: \(code)")
    }

    /// Binds `bytes` (UTF-8) as TEXT, without copying them.
    func bindText(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        // SQLite needs a non-null pointer for an empty string to be TEXT rather than NULL.
        let address = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
        let code = sqlite3_bind_text(handle, index, address.assumingMemoryBound(to: CChar.self),
                                     Int32(bytes.count), nil)
        assert(code == SQLITE_OK, "bind \(index) of \(sql) failed: \(code)")
    }

    /// Runs a statement that returns no rows, then makes it ready for the next bindings.
    func run() throws {
        let code = sqlite3_step(handle)
        // `sqlite3_reset` repeats the step's error code; the statement is reusable either way.
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }
}
