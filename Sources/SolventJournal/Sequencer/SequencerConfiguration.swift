/// How the sequencer batches, bounds its queue, rolls segments and takes snapshots.
public struct SequencerConfiguration: Sendable {
    /// Most commands in one group commit (one write, one fdatasync).
    public var maxBatch = 2_048
    /// How long the sequencer may wait for a batch to fill before committing it, in
    /// nanoseconds. Zero commits whatever is queued at once: batches then grow by themselves
    /// while the previous fdatasync runs, which bounds latency by one sync.
    public var maxWaitNanoseconds = 0
    /// Submissions that may wait; beyond this callers get `SequencerError.busy`. With the
    /// queue full, a command waits behind this many others: it bounds latency under overload.
    public var queueCapacity = 8_192
    /// Batches applied but not yet durable; the sequencer waits when this many are in flight.
    public var batchesInFlight = 2
    /// A segment is closed and a new one started once it reaches this many bytes.
    public var segmentSizeLimit = 64 << 20
    /// A snapshot is taken after this many commands (nil: only on request or at stop).
    public var snapshotInterval: UInt64? = 1_000_000
    public var retention = Retention.keepEverything

    public init() {}
}

/// What may be deleted once a newer snapshot is durable.
public enum Retention: Equatable, Sendable {
    /// Every segment and every snapshot stay (the default: proofs of liabilities replay history).
    case keepEverything
    /// Keep the newest `snapshots` snapshots and only the segments still needed to replay from
    /// the oldest of them.
    case prune(snapshots: Int)
}
