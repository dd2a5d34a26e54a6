import SolventCore

/// One group commit as it is published: the records it made durable and everything they caused,
/// in sequence order. Immutable once built, so every subscriber may keep it.
public final class CommittedBatch: Sendable {
    public let firstSequence: UInt64
    public let time: Timestamp
    public let commands: [Command]
    /// Every command's events, back to back.
    public let events: [Event]
    /// `events[eventStarts[i]..<eventStarts[i + 1]]` belong to `commands[i]`.
    let eventStarts: [Int]

    init(firstSequence: UInt64, time: Timestamp, commands: [Command], events: [Event], eventStarts: [Int]) {
        self.firstSequence = firstSequence
        self.time = time
        self.commands = commands
        self.events = events
        self.eventStarts = eventStarts
    }

    public var count: Int { commands.count }

    public var lastSequence: UInt64 { firstSequence + UInt64(count) - 1 }

    public func events(of index: Int) -> ArraySlice<Event> {
        events[eventStarts[index]..<eventStarts[index + 1]]
    }
}

/// What a submitted command did, delivered once it is durable.
public struct CommandOutcome: Sendable {
    public let batch: CommittedBatch
    public let index: Int

    public var sequence: UInt64 { batch.firstSequence + UInt64(index) }
    public var time: Timestamp { batch.time }
    public var command: Command { batch.commands[index] }
    /// The events the command caused (a rejection is an event too).
    public var events: ArraySlice<Event> { batch.events(of: index) }
}

/// Why a command was not acknowledged. `busy`, `stopped` and `notEncodable` mean it never
/// reached the journal. `journalFailed` means its outcome is unknown: a failed fdatasync may
/// still have put the record on disk, so the command can be there after a restart. The API
/// must say "unknown", never "rejected", for it.
public enum SequencerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The inbound queue is full; try again later (the API maps this to a rate-limit answer).
    case busy
    /// The sequencer was stopped.
    case stopped
    /// The journal failed; nothing is acknowledged any more and the process must restart. The
    /// command may or may not be in the journal.
    case journalFailed(String)
    /// The command cannot be journaled (a name over its length limit).
    case notEncodable

    public var description: String {
        switch self {
        case .busy: "the exchange is busy, try again"
        case .stopped: "the exchange is stopping"
        case .journalFailed(let reason): "the journal failed: \(reason)"
        case .notEncodable: "the command cannot be journaled"
        }
    }
}

public typealias SequencerResult = Result<CommandOutcome, SequencerError>
