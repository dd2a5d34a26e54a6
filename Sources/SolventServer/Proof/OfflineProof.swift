import Logging
import SolventCore
import SolventWire

/// The proof admin surface without a server (`solvent epoch` on a data directory whose server is
/// down): opens the directory directly, as `OfflineAdmin` does, runs the same endpoint a running
/// server would, then stops the sequencer (with a snapshot) and closes the journal log cleanly.
public enum OfflineProof {
    public static func run(_ configuration: ServerConfiguration, method: String, path: String,
                           query: String) async throws -> (status: Int, body: String) {
        var logger = Logger(label: "solvent-epoch")
        logger.logLevel = .warning
        let parts = try await SolventApplication.assemble(configuration, logger: logger)
        defer {
            parts.context.sequencer.stop(takingSnapshot: true)
            parts.proof.journalLog.close(through: parts.context.sequencer.committedSequence)
        }
        let table = EndpointTable(ProofEndpoints.admin(parts.proof, AdminOperations(context: parts.context)))
        guard case .found(let endpoint) = table.lookup(method: method, path: path) else {
            return (404, String(decoding: BinanceError.unknownPath.json(), as: UTF8.self))
        }
        let reply: Reply
        do throws(BinanceError) {
            let request = APIRequest(method: method, path: path, rawQuery: query, rawBody: "",
                                     parameters: try RequestParameters(rawQuery: query, rawBody: ""), apiKey: nil,
                                     adminToken: nil, clientIP: "127.0.0.1", receivedAt: ServerClock.milliseconds(),
                                     account: nil)
            reply = try await endpoint.handler(request)
        } catch {
            reply = Reply(error: error)
        }
        return (reply.status, String(decoding: reply.body, as: UTF8.self))
    }
}
