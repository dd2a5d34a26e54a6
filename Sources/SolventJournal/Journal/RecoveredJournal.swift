import SolventCore

/// What recovery rebuilt: the exchange at the journal's last durable record, where to append
/// next, and a report of everything it had to decide on the way.
public struct RecoveredJournal {
    public var exchange: Exchange
    /// The last sequence in the state (0 for an empty journal).
    public var lastSequence: UInt64
    /// The time of that record, or of the snapshot; new records never go below it.
    public var lastTime: Timestamp
    /// The segment to append to and its length after any truncation; nil when a new segment
    /// must be started.
    public var tail: (name: String, length: Int)?
    public var report: RecoveryReport
}

/// The facts of one recovery, for the operator's log.
public struct RecoveryReport: Equatable, Sendable {
    /// The snapshot the state started from, if any.
    public var snapshotSequence: UInt64?
    /// Snapshots that could not be used, with the reason, newest first.
    public var unusableSnapshots: [String] = []
    public var replayedRecords = 0
    /// Records handed to consumers that were behind (`CatchUpConsumer`).
    public var caughtUpRecords = 0
    /// A torn tail that was cut off (or, read-only, would be): file, offset and why.
    public var truncatedTail: String?
    /// Leftover temporary files removed.
    public var removedTemporaryFiles: [String] = []

    public var lines: [String] {
        var lines: [String] = []
        if let snapshotSequence { lines.append("recovery: loaded snapshot at sequence \(snapshotSequence)") }
        lines += unusableSnapshots.map { "recovery: skipped snapshot \($0)" }
        lines.append("recovery: replayed \(replayedRecords) journal records")
        if caughtUpRecords > 0 { lines.append("recovery: caught consumers up with \(caughtUpRecords) records") }
        if let truncatedTail { lines.append("recovery: truncated torn tail: \(truncatedTail)") }
        lines += removedTemporaryFiles.map { "recovery: removed leftover \($0)" }
        return lines
    }
}
