import SolventCore
import SolventJournal
import SolventProof

/// Brings the journal's Merkle log up to the journal before the server starts, the way
/// `HistoryCatchUp` does for the history store: it loads the leaf file when the last stop was
/// clean and its last leaf matches the journal, else recomputes every leaf from the journal's
/// frames; then it hashes the records the file lacks and writes them.
enum JournalLogCatchUp {
    static func run(journalDirectory: String, leafFile: LeafFile, log: (String) -> Void) throws -> LogTree {
        var stored = try leafFile.loadIfClean() ?? []
        if !stored.isEmpty, try !lastLeafMatches(stored, journalDirectory) {
            log("journal log: the leaf file does not match the journal; rebuilding it")
            stored = []
        }
        if stored.isEmpty { try leafFile.rewrite([]) }
        var tree = LogTree()
        for leaf in stored { tree.append(leaf) }
        let trusted = tree.size
        let damage = try JournalFrames(directory: journalDirectory).forEach(after: trusted) { frame in
            tree.append(LogHasher.leaf(frame.body))
        }
        try leafFile.append(tree.leaves[Int(trusted)...])
        if tree.size > trusted { log("journal log: hashed \(tree.size - trusted) journal records, \(tree.size) in all") }
        if let damage { log("journal log: the journal's tail is torn (\(damage)); recovery will cut it") }
        return tree
    }

    /// Whether the journal has the stored leaves' last record, with that hash.
    private static func lastLeafMatches(_ stored: [LogHash], _ journalDirectory: String) throws -> Bool {
        let last = UInt64(stored.count)
        var found: LogHash?
        try JournalFrames(directory: journalDirectory).forEach(after: last - 1, through: last) { frame in
            found = LogHasher.leaf(frame.body)
        }
        return found == stored.last
    }
}
