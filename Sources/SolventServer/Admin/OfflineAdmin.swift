import Logging
import SolventCore
import SolventWire

/// The admin surface without a server: `solvent admin` and `solvent epoch` on a data directory
/// whose server is down open it directly (taking the journal's lock), run the same admin
/// endpoint a running server would, and close it with a snapshot and a cleanly closed journal
/// log (so the next start need not rehash the journal).
public enum OfflineAdmin {
    /// Runs one admin request; returns the HTTP status and the JSON body.
    public static func run(_ configuration: ServerConfiguration, method: String, path: String,
                           query: String) async throws -> (status: Int, body: String) {
        var logger = Logger(label: "solvent-admin")
        logger.logLevel = .warning
        let parts = try await SolventApplication.assemble(configuration, logger: logger)
        defer {
            parts.context.sequencer.stop(takingSnapshot: true)
            parts.proof.journalLog.close(through: parts.context.sequencer.committedSequence)
        }
        let operations = AdminOperations(context: parts.context)
        let table = EndpointTable(AdminEndpoints.all(operations) + ProofEndpoints.admin(parts.proof, operations)
                                  + JurisdictionAdminEndpoints.all(parts.context))
        guard case .found(let endpoint) = table.lookup(method: method, path: path) else {
            return (404, String(decoding: BinanceError.unknownPath.json(), as: UTF8.self))
        }
        let reply: Reply
        do throws(BinanceError) {
            let request = APIRequest(method: method, path: path, rawQuery: query, rawBody: "",
                                     parameters: try RequestParameters(rawQuery: query, rawBody: ""), apiKey: nil,
                                     adminToken: nil, clientIP: "127.0.0.1", receivedAt: ServerClock.milliseconds(),
                                     account: nil)
            reply = try await endpoint.reply(to: request)
        } catch {
            reply = Reply(error: error)
        }
        await parts.context.history.waitUntilRecorded(parts.context.sequencer.committedSequence)
        return (reply.status, String(decoding: reply.body, as: UTF8.self))
    }
}
