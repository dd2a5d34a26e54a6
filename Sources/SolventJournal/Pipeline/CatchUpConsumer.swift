import SolventCore

/// A consumer that keeps a durable position of its own (the history store, the journal's Merkle
/// log). At start, recovery's one replay hands it every record after that position, as
/// committed batches of one time each and the same events the live exchange produced, before
/// the sequencer takes its first command. Recovery starts from the newest snapshot at or before
/// the lowest such position, so a consumer that is up to date costs no extra reading and one
/// that is behind is never replayed from record 1 when it holds a later position.
public struct CatchUpConsumer {
    public let name: String
    /// The last sequence the consumer holds durably (0: nothing yet).
    public let position: UInt64
    /// Called on the recovering thread, in sequence order; a throw stops recovery.
    public let deliver: (CommittedBatch) throws -> Void

    public init(name: String, position: UInt64, deliver: @escaping (CommittedBatch) throws -> Void) {
        self.name = name
        self.position = position
        self.deliver = deliver
    }
}
