import Foundation
import Hummingbird
import Logging
import SolventCore
import SolventJournal
import SolventStore

/// `solvent serve`: opens the data directory (journal, history, keys), brings the history up to
/// the journal, starts the sequencer, and serves the API until SIGTERM or SIGINT; then it stops
/// accepting, drains the requests in flight, and writes a final snapshot.
public enum SolventApplication {
    public static func run(_ configuration: ServerConfiguration, logger: Logger,
                           onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let parts = try await assemble(configuration, logger: logger)
        let app = Application(
            responder: parts.responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Solvent"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                // Where `solvent admin` finds the running server.
                try? "http://\(configuration.host):\(port)\n".write(toFile: configuration.serverURLFile, atomically: true,
                                                                    encoding: .utf8)
                onReady(port)
            },
            logger: logger)
        let epochs = EpochSchedule.start(parts.proof) { logger.info("\($0)") }
        defer {
            epochs?.cancel()
            try? FileManager.default.removeItem(atPath: configuration.serverURLFile)
            parts.context.sequencer.stop(takingSnapshot: true)
            parts.proof.journalLog.close(through: parts.context.sequencer.committedSequence)
        }
        try await app.runService()
        logger.info("shutting down: requests drained, writing a final snapshot")
    }

    /// Everything but the HTTP listener, wired together.
    static func assemble(_ configuration: ServerConfiguration, logger: Logger) async throws
        -> (context: ServerContext, responder: APIResponder, proof: ProofServices) {
        try FileManager.default.createDirectory(atPath: configuration.journalDirectory, withIntermediateDirectories: true)
        let log: @Sendable (String) -> Void = { logger.info("\($0)") }
        let history = try SQLiteHistoryStore(path: configuration.historyFile)
        _ = try HistoryCatchUp.run(directory: configuration.journalDirectory, store: history, log: log)
        try configuration.proof.validate()
        let journalLog = try JournalLog(directory: configuration.merkleDirectory,
                                        journalDirectory: configuration.journalDirectory, log: log)
        let metrics = APIMetrics()
        let catalog = Catalog()
        let projector = HistoryProjector(store: history, recordedThrough: try history.lastSequence(), log: log)
        let sequencer = try Sequencer(
            directory: configuration.journalDirectory, configuration: configuration.sequencer,
            hooks: SequencerHooks(
                log: log,
                onCommit: { batch in
                    catalog.absorb(batch)
                    projector.enqueue(batch)
                    journalLog.enqueue(batch)
                    metrics.record(batch)
                },
                onSync: { metrics.record($0) },
                onFailure: { error in
                    logger.critical("the journal failed, exiting: \(error)")
                    exit(1)
                }))
        let listings = try await sequencer.inspect { exchange in
            (exchange.engine.assets, (0..<exchange.engine.marketCount).compactMap { exchange.engine.market(MarketId($0)) })
        }
        catalog.replace(assets: listings.0, markets: listings.1)
        let authenticator = Authenticator(keys: [])
        let keys = KeyAdministration(store: try SQLiteAPIKeyStore(path: configuration.keysFile),
                                     masterKey: try MasterKey(path: configuration.masterKeyFile),
                                     authenticator: authenticator)
        for key in try keys.loadAll() { authenticator.install(key) }
        let limiter = RateLimiter(limits: configuration.rateLimits)
        let context = ServerContext(configuration: configuration,
                                    gateway: ExchangeGateway(sequencer: sequencer, catalog: catalog), catalog: catalog,
                                    history: projector, keys: keys, limiter: limiter, listenKeys: ListenKeys(),
                                    metrics: metrics)
        let adminToken = try AdminToken.load(path: configuration.adminTokenFile)
        let proof = try ProofServices(configuration: configuration, sequencer: sequencer, journalLog: journalLog)
        let table = EndpointTable(Endpoints.all(context) + AdminEndpoints.all(AdminOperations(context: context))
                                  + ProofEndpoints.all(proof) + ProofEndpoints.admin(proof, AdminOperations(context: context)))
        let gate = RequestGate(limiter: limiter, authenticator: authenticator, adminToken: adminToken)
        let responder = APIResponder(table: table, gate: gate, metrics: metrics)
        return (context, responder, proof)
    }
}
