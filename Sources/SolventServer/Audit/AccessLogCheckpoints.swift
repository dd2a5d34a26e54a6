import Logging
import SolventCore
import SolventWire
import Synchronization

/// Puts the auditors' access log's head into the journal (`recordAccessLogHead`), whose Merkle
/// log then fixes it: after every `checkpointEntries`-th entry, before that entry's request is
/// answered, and from `run()` at most `checkpointSeconds` after an entry still unjournaled. An
/// operator who rewrites the log from a line on, recomputing every hash after it, keeps a chain
/// that reads intact, but its line at a journaled index no longer has the journaled hash.
///
/// A head that cannot be journaled refuses the request that needed it, as a failed write does;
/// one the timer could not journal makes the next entry try again, so a failure never goes unseen.
final class AccessLogCheckpoints: Sendable {
    private struct State {
        /// The latest head the engine accepted: what the journal holds.
        var journaled: AccessLogHead?
        /// The last attempt failed: the next entry journals (or is refused) whatever the count.
        var failed = false
    }

    let log: AccessLog
    let settings: AccessLogSettings
    private let gateway: ExchangeGateway
    private let logger: Logger
    private let state: Mutex<State>
    /// The file did not hold the journaled head when the server started: it was rewritten or
    /// lost. No head is journaled over it, since a new one would agree with the rewritten file;
    /// every `accessLog` answer reports the old head and that the file does not match it.
    let disagreedAtStart: Bool

    init(log: AccessLog, gateway: ExchangeGateway, settings: AccessLogSettings, logger: Logger) async throws {
        precondition(settings.checkpointEntries >= 1 && settings.checkpointSeconds >= 1, "validated by the configuration")
        let journaled = try await gateway.read { $0.engine.accessLogHead }
        let reading = try AccessLog.read(log.path)
        (self.log, self.settings, self.gateway, self.logger) = (log, settings, gateway, logger)
        state = Mutex(State(journaled: journaled))
        disagreedAtStart = journaled.map { !reading.holds($0) } ?? false
        if disagreedAtStart, let journaled {
            logger.critical("the auditors' access log does not hold its journaled head \(journaled.index) (\(journaled.hash)): it was rewritten or lost; no head is journaled over it")
        }
    }

    /// The latest head the journal holds.
    var journaled: AccessLogHead? { state.withLock { $0.journaled } }

    /// After the entry `head` is written: journals it when `checkpointEntries` entries wait, or
    /// the last attempt failed. Throws if that fails, so the request is refused.
    func entryWritten(_ head: AccessLog.Head) async throws(BinanceError) {
        let due = state.withLock { state in
            state.failed || head.index >= (state.journaled?.index ?? 0) + UInt64(settings.checkpointEntries)
        }
        guard due, !disagreedAtStart else { return }
        try await journal(head)
    }

    /// Journals the head every `checkpointSeconds` while entries wait, until cancelled.
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(settings.checkpointSeconds))
            let head = log.head
            guard !Task.isCancelled, !disagreedAtStart, head.index > (journaled?.index ?? 0) else { continue }
            do {
                try await journal(head)
            } catch {
                logger.error("the auditors' access log's head \(head.index) could not be journaled: \(error)")
            }
        }
    }

    private func journal(_ head: AccessLog.Head) async throws(BinanceError) {
        let wanted = head.journalForm
        do {
            let outcome = try await gateway.execute(.recordAccessLogHead(wanted))
            // Two requests' heads may reach the sequencer out of order: the later one journaled
            // first covers this entry too, and the engine refuses this one as not increasing.
            var accepted: AccessLogHead? = wanted
            if !outcome.events.isEmpty { accepted = try await gateway.read { $0.engine.accessLogHead } }
            guard let accepted, accepted.index >= wanted.index else { throw BinanceError.unknown("refused") }
            state.withLock { state in
                if accepted.index > state.journaled?.index ?? 0 { state.journaled = accepted }
                state.failed = false
            }
        } catch {
            state.withLock { $0.failed = true }
            throw .unknown("the auditors' access log's head cannot be journaled")
        }
    }
}
