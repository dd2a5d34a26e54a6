import GRDB

/// How the stores open SQLite: a `DatabasePool` (WAL: one writer, concurrent readers that never
/// block it) for a file, a `DatabaseQueue` in memory (WAL needs a file).
package enum DatabaseOpening {
    /// How much a committed transaction may be lost on power failure.
    package enum Durability {
        /// `synchronous = NORMAL`: WAL commits survive a crash of the process, the last few may
        /// be lost with the machine. Right for projections, which are rebuilt from the journal.
        case rebuildable
        /// `synchronous = FULL`: every commit is on disk before it returns. For data that exists
        /// nowhere else (API keys).
        case authoritative
    }

    package static func file(path: String, durability: Durability) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.label = path
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            switch durability {
            case .rebuildable:
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // A checkpoint copies the WAL into the database and syncs both: at SQLite's
                // default (every 1,000 pages, ~4 MB) the history store checkpointed several
                // times a second under order flow, and its syncs cost more CPU than the
                // journal's own. Hot pages (indexes, the progress row) are rewritten many times
                // between checkpoints, so a larger WAL (up to ~64 MB) also writes fewer pages.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
                // Index pages written by one transaction are read again by the next: the writer
                // keeps them in its cache (64 MiB) rather than re-reading them from the OS.
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -65536") }
            case .authoritative: try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        return try DatabasePool(path: path, configuration: configuration)
    }

    static func memory() throws -> any DatabaseWriter {
        try DatabaseQueue()
    }
}
