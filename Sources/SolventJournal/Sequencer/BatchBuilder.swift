import SolventCore

/// Collects one group commit's commands, events and replies while the sequencer applies them.
struct BatchBuilder {
    let firstSequence: UInt64
    let time: Timestamp
    private(set) var commands: [Command] = []
    private(set) var events: [Event] = []
    private(set) var eventStarts: [Int] = [0]
    private(set) var replies: [@Sendable (SequencerResult) -> Void] = []

    init(firstSequence: UInt64, time: Timestamp, capacity: Int) {
        self.firstSequence = firstSequence
        self.time = time
        commands.reserveCapacity(capacity)
        replies.reserveCapacity(capacity)
        eventStarts.reserveCapacity(capacity + 1)
        events.reserveCapacity(capacity * 2)
    }

    var count: Int { commands.count }

    var nextSequence: UInt64 { firstSequence + UInt64(count) }

    /// Records `command`; `apply` appends the events it causes.
    mutating func add(_ command: Command, reply: @escaping @Sendable (SequencerResult) -> Void,
                      apply: (inout [Event]) -> Void) {
        apply(&events)
        commands.append(command)
        eventStarts.append(events.count)
        replies.append(reply)
    }

    func build() -> CommittedBatch {
        CommittedBatch(firstSequence: firstSequence, time: time, commands: commands, events: events,
                       eventStarts: eventStarts)
    }
}
