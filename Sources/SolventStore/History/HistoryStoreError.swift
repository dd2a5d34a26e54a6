/// Why the history store refused a batch or could not read back what it wrote.
public enum HistoryStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The batch starts after the sequence the store expects next: commands in between were never
    /// recorded, so the store is behind and must be fed them (replayed from the journal) first.
    case sequenceGap(expected: UInt64, found: UInt64)
    /// A stored row does not decode: the database was written by something else or is damaged.
    case corruptRow(table: String, key: Int64)

    public var description: String {
        switch self {
        case .sequenceGap(let expected, let found):
            "history store is behind: expected sequence \(expected), got a batch starting at \(found)"
        case .corruptRow(let table, let key):
            "history store row \(key) of \(table) does not decode"
        }
    }
}
