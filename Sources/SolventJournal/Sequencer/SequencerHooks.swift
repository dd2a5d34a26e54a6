/// How the sequencer talks to its host: a log line sink, the inline stage of the commit
/// pipeline, the measurements of every sync (metrics), and what to do when the journal fails
/// (exit, in a server). Hooks run on the sequencer's threads and must be quick.
public struct SequencerHooks: Sendable {
    public var log: @Sendable (String) -> Void
    /// Stage 1 of the commit pipeline: runs on the committer's thread for every durable batch,
    /// before the batch enters the `CommitRing` (stage 2) and before anyone is answered. Only for
    /// what a caller must see as soon as it hears its answer (the listings, the metrics' counts);
    /// everything slower reads the ring at a cursor of its own.
    public var onCommit: (@Sendable (CommittedBatch) -> Void)?
    public var onSync: (@Sendable (SyncMeasurement) -> Void)?
    public var onFailure: (@Sendable (SequencerError) -> Void)?

    public init(log: @escaping @Sendable (String) -> Void = { _ in },
                onCommit: (@Sendable (CommittedBatch) -> Void)? = nil,
                onSync: (@Sendable (SyncMeasurement) -> Void)? = nil,
                onFailure: (@Sendable (SequencerError) -> Void)? = nil) {
        self.log = log
        self.onCommit = onCommit
        self.onSync = onSync
        self.onFailure = onFailure
    }
}

/// One group commit as the disk saw it: how much was written and how long writing and
/// syncing took.
public struct SyncMeasurement: Sendable {
    public var commands: Int
    public var bytes: Int
    /// write(2) calls plus the fdatasync, in nanoseconds.
    public var nanoseconds: UInt64
}
