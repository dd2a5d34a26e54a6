import SolventCore

/// What callers hand the sequencer: a command with the closure that receives its outcome, a
/// read of the state (run once the batch it arrived in is durable; nil if the sequencer failed
/// or stopped first), or a request for a snapshot.
enum Submission {
    case command(Command, reply: @Sendable (SequencerResult) -> Void)
    case inspect(@Sendable (Exchange?) -> Void)
    case snapshot

    /// Tells the caller waiting on this submission that it will not run.
    func refuse(_ error: SequencerError) {
        switch self {
        case .command(_, let reply): reply(.failure(error))
        case .inspect(let body): body(nil)
        case .snapshot: break
        }
    }
}
