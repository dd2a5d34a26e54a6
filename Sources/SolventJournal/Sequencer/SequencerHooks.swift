/// How the sequencer talks to its host: a log line sink, the subscriber to durable batches (the
/// API's projections and streams), and what to do when the journal fails (exit, in a server).
/// Every hook runs on the sequencer's thread and must be quick.
public struct SequencerHooks: Sendable {
    public var log: @Sendable (String) -> Void
    public var onCommit: (@Sendable (CommittedBatch) -> Void)?
    public var onFailure: (@Sendable (SequencerError) -> Void)?

    public init(log: @escaping @Sendable (String) -> Void = { _ in },
                onCommit: (@Sendable (CommittedBatch) -> Void)? = nil,
                onFailure: (@Sendable (SequencerError) -> Void)? = nil) {
        self.log = log
        self.onCommit = onCommit
        self.onFailure = onFailure
    }
}
