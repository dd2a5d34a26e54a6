import SolventCore

/// What callers hand the sequencer: a command with the closure that receives its outcome, a
/// read of the state, or a request for a snapshot.
enum Submission {
    case command(Command, reply: @Sendable (SequencerResult) -> Void)
    case inspect(Inspection)
    case snapshot

    /// Tells the caller waiting on this submission that it will not run.
    func refuse(_ error: SequencerError) {
        switch self {
        case .command(_, let reply): reply(.failure(error))
        case .inspect(let inspection): inspection.refuse(error)
        case .snapshot: break
        }
    }
}

/// A read of the state. `read` runs on the sequencer's thread between commands; the delivery it
/// returns runs only once every command the state includes is durable, so nobody sees the
/// effect of a command that a crash could still undo.
struct Inspection: Sendable {
    /// Reads the state and the sequence of the last record it includes.
    let read: @Sendable (Exchange, UInt64) -> @Sendable () -> Void
    let refuse: @Sendable (SequencerError) -> Void
}
