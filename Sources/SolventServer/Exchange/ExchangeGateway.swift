import SolventCore
import SolventJournal
import SolventWire

/// The API's way into the exchange: commands go through the sequencer and come back durable;
/// reads run on the sequencer's thread and return once what they saw is durable.
struct ExchangeGateway: Sendable {
    let sequencer: Sequencer
    let catalog: Catalog
    let relays = ReplyRelay.Relays()

    /// Sequences `command`; a refusal by the sequencer becomes the Binance error clients expect.
    /// The answer comes back through the request's own event loop (see `ReplyRelay`).
    func execute(_ command: Command) async throws(BinanceError) -> CommandOutcome {
        do {
            return try await sequencer.execute(command, deliveringThrough: ReplyRelay.forCurrentLoop(in: relays))
        } catch {
            throw Self.translate(error)
        }
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
