import SolventCore
import SolventJournal
import SolventWire

/// The API's way into the exchange: commands go through the sequencer and come back durable;
/// reads run on the sequencer's thread and return once what they saw is durable.
struct ExchangeGateway: Sendable {
    let sequencer: Sequencer
    let catalog: Catalog
    let relays = ReplyRelay.Relays()

    /// Sequences `command`; `handoff` gets its outcome once durable, on the event loop this runs
    /// on (see `ReplyRelay`), or a failed journal. A refusal by the sequencer (full, stopping)
    /// throws at once. Errors are the Binance ones clients expect.
    func submit(_ command: Command, handoff: @escaping Handoff<CommandOutcome>) throws(BinanceError) {
        let deliver = ReplyRelay.forCurrentLoop(in: relays)
        do {
            try sequencer.submit(command) { result in deliver { handoff(result.mapError(Self.translate)) } }
        } catch {
            throw Self.translate(error)
        }
    }

    /// `submit`, awaited.
    func execute(_ command: Command) async throws(BinanceError) -> CommandOutcome {
        try await awaitHandoff { handoff throws(BinanceError) in try submit(command, handoff: handoff) }
    }

    func read<Value: Sendable>(_ body: @escaping @Sendable (Exchange) -> Value) async throws(BinanceError) -> Value {
        do {
            return try await sequencer.inspect(body)
        } catch {
            throw Self.translate(error)
        }
    }

    /// Busy is the client's to retry; a failed journal leaves the outcome unknown (-1007,
    /// never a rejection: the command may be on disk).
    static func translate(_ error: SequencerError) -> BinanceError {
        switch error {
        case .busy: .serverBusy
        case .stopped: .serverBusy
        case .journalFailed: .timeout
        case .notEncodable: .invalidParameter("symbol")
        }
    }
}
