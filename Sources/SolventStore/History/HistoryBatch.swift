import SolventCore

/// One group commit as the history store takes it: command `i` has sequence `firstSequence + i`
/// and caused `commandEvents[i]` (possibly nothing but a rejection, possibly nothing at all).
///
/// The store's own input type, so that it depends on the core's events only and not on the
/// journal that produced them; the server builds one from each committed batch:
/// `HistoryBatch(firstSequence: b.firstSequence, time: b.time,
///               commandEvents: (0..<b.count).map(b.events(of:)))`.
public struct HistoryBatch: Sendable {
    public var firstSequence: UInt64
    /// The time the sequencer stamped on every command of the batch.
    public var time: Timestamp
    public var commandEvents: [ArraySlice<Event>]

    public init(firstSequence: UInt64, time: Timestamp, commandEvents: [ArraySlice<Event>]) {
        precondition(firstSequence > 0, "sequences start at 1")
        self.firstSequence = firstSequence
        self.time = time
        self.commandEvents = commandEvents
    }

    /// Sequence of the last command, or `firstSequence - 1` for an empty batch.
    public var lastSequence: UInt64 { firstSequence + UInt64(commandEvents.count) - 1 }
}
