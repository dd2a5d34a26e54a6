/// One consumer's place in the commit ring: it sees every batch published after it was made,
/// in order, and holds the ring back until it has finished with them.
public final class RingCursor: Sendable {
    public let name: String
    private let ring: CommitRing
    private let id: Int

    init(ring: CommitRing, id: Int, name: String) {
        self.ring = ring
        self.id = id
        self.name = name
    }

    /// Releases what the last call took, then waits for batches and appends them to `batches`
    /// (oldest first). With a timeout it may return with nothing new. False once the ring is
    /// closed and everything published has been taken: the consumer's thread should end.
    public func take(into batches: inout [CommittedBatch], gathering: Gathering = .immediate,
                     timeoutNanoseconds: UInt64? = nil) -> Bool {
        ring.take(id, into: &batches, gathering: gathering, timeoutNanoseconds: timeoutNanoseconds)
    }

    /// The last sequence published into the ring (0 before the first batch): whatever this
    /// cursor takes later starts after it.
    public var publishedSequence: UInt64 { ring.publishedSequence }

    /// Ends the current gathering now (or the next one as soon as it starts): for a reader that
    /// waits on this consumer.
    public func hurry() {
        ring.hurry(id)
    }

    /// This consumer reads no more: it stops holding the ring back. For consumers that stop
    /// before the sequencer does.
    public func detach() {
        ring.detach(id)
    }
}
