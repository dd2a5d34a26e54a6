import SolventCore

/// One sequenced command as the journal holds it: what the sequencer applied, in which position,
/// at which time. Replaying every record in order rebuilds the exchange exactly.
public struct JournalRecord: Hashable, Sendable {
    /// Position in the journal, from 1, without gaps.
    public var sequence: UInt64
    /// The time the sequencer stamped (milliseconds since the Unix epoch); never decreases.
    public var time: Timestamp
    public var command: Command

    public init(sequence: UInt64, time: Timestamp, command: Command) {
        self.sequence = sequence
        self.time = time
        self.command = command
    }
}
