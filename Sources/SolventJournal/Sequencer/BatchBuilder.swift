import SolventCore

/// One group commit while the sequencer assembles it and until the committer has made it
/// durable: the framed records, the commands and their events, who to answer, and a snapshot
/// of the state after it, if one is due.
struct BatchBuilder {
    let firstSequence: UInt64
    let time: Timestamp
    private(set) var records: BinaryWriter
    private(set) var commands: [Command] = []
    private(set) var events: [Event] = []
    private(set) var eventStarts: [Int] = [0]
    private(set) var replies: [@Sendable (SequencerResult) -> Void] = []
    private(set) var deliveries: [(deliver: @Sendable () -> Void, refuse: @Sendable (SequencerError) -> Void)] = []
    var snapshot: SnapshotFile?

    init(firstSequence: UInt64, time: Timestamp, capacity: Int) {
        self.firstSequence = firstSequence
        self.time = time
        records = BinaryWriter(capacity: capacity * 96)
        commands.reserveCapacity(capacity)
        replies.reserveCapacity(capacity)
        eventStarts.reserveCapacity(capacity + 1)
        events.reserveCapacity(capacity * 2)
    }

    var count: Int { commands.count }

    var nextSequence: UInt64 { firstSequence + UInt64(count) }

    /// Frames and records `command`; `apply` appends the events it causes.
    mutating func add(_ command: Command, reply: @escaping @Sendable (SequencerResult) -> Void,
                      apply: (inout [Event]) -> Void) {
        RecordFrame.append(sequence: nextSequence, time: time, command: command, to: &records)
        apply(&events)
        commands.append(command)
        eventStarts.append(events.count)
        replies.append(reply)
    }

    mutating func add(_ inspection: Inspection, of exchange: Exchange) {
        deliveries.append((inspection.read(exchange, nextSequence - 1), inspection.refuse))
    }

    func build() -> CommittedBatch {
        CommittedBatch(firstSequence: firstSequence, time: time, commands: commands, events: events,
                       eventStarts: eventStarts)
    }

    /// Answers everyone waiting on this batch with `error`: it will never be durable.
    func refuse(_ error: SequencerError) {
        replies.forEach { $0(.failure(error)) }
        deliveries.forEach { $0.refuse(error) }
    }
}
