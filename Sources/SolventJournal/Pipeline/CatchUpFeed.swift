import SolventCore

/// Recovery's side of catching consumers up: gathers replayed records and their events into
/// batches of one time each (at most `commandsMax` commands) and hands every consumer the part
/// after its position.
struct CatchUpFeed {
    static let commandsMax = 1_024

    private let consumers: [CatchUpConsumer]
    /// Records up to here are held by every consumer.
    let heldByAll: UInt64
    private var firstSequence: UInt64 = 0
    private var time: Timestamp = 0
    private var commands: [Command] = []
    private var events: [Event] = []
    private var eventStarts: [Int] = [0]
    private(set) var failure: JournalError?
    private(set) var delivered = 0

    init(_ consumers: [CatchUpConsumer]) {
        self.consumers = consumers
        heldByAll = consumers.map(\.position).min() ?? .max
    }

    var isIdle: Bool { consumers.isEmpty }

    mutating func add(_ record: JournalRecord, events recordEvents: [Event]) {
        guard record.sequence > heldByAll, failure == nil else { return }
        if !commands.isEmpty && (record.time != time || commands.count == Self.commandsMax) { flush() }
        if commands.isEmpty { (firstSequence, time) = (record.sequence, record.time) }
        assert(record.sequence == firstSequence + UInt64(commands.count), "records arrive in order without gaps")
        commands.append(record.command)
        events += recordEvents
        eventStarts.append(events.count)
    }

    mutating func flush() {
        guard !commands.isEmpty, failure == nil else { return }
        let batch = CommittedBatch(firstSequence: firstSequence, time: time, commands: commands, events: events,
                                   eventStarts: eventStarts)
        for consumer in consumers where consumer.position < batch.lastSequence {
            do {
                try consumer.deliver(batch.suffix(after: consumer.position))
            } catch {
                failure = .consumerFailed(name: consumer.name, reason: "\(error)")
                return
            }
        }
        delivered += commands.count
        commands.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
        eventStarts = [0]
    }
}

extension CommittedBatch {
    /// The records after `sequence` (all of them when the batch starts later).
    func suffix(after sequence: UInt64) -> CommittedBatch {
        guard sequence >= firstSequence else { return self }
        let skipped = Int(sequence - firstSequence + 1)
        assert(skipped < count, "a suffix keeps at least one record")
        let eventsSkipped = eventStarts[skipped]
        return CommittedBatch(firstSequence: sequence + 1, time: time, commands: Array(commands[skipped...]),
                              events: Array(events[eventsSkipped...]),
                              eventStarts: eventStarts[skipped...].map { $0 - eventsSkipped })
    }
}
