import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import SolventAudit
import SolventCore
import SolventJournal
import SolventStore
import SolventWire

/// `solvent serve`: opens the data directory (journal, history, keys), brings the history up to
/// the journal, starts the sequencer, and serves the API until SIGTERM or SIGINT; then it stops
/// accepting, drains the requests in flight, and writes a final snapshot.
public enum SolventApplication {
    static let serverName = "Solvent"

    /// `onAssembled` gets the sequencer before the listeners start (in-process benchmarks drive it);
    /// `onReady` the ports once both listen.
    public static func run(_ configuration: ServerConfiguration, logger: Logger,
                           onReady: @escaping @Sendable (ListeningPorts) -> Void = { _ in },
                           onAssembled: @Sendable (Sequencer) -> Void = { _ in }) async throws {
        let descriptors = DescriptorLimit.raise()
        if descriptors < DescriptorLimit.needed(configuration.connections, configuration.streams) {
            logger.warning("""
                the file-descriptor limit is \(descriptors), below what the connection limits allow \
                (\(DescriptorLimit.needed(configuration.connections, configuration.streams))): raise it (ulimit -n) \
                or lower connections.openMax and the WebSocket connection limit
                """)
        }
        // Before anything is opened: a start asked for TLS whose files do not load goes no further.
        let tls = try configuration.tls?.serverConfiguration()
        let parts = try await assemble(configuration, logger: logger)
        onAssembled(parts.context.sequencer)
        let admin = AdminListenerStart()
        var app = Application(
            responder: BypassedResponder(),
            server: Listeners.publicServer(parts, configuration, tls: tls),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: Self.serverName,
                                 backlog: configuration.connections.acceptBacklog),
            services: [Listeners.admin(parts, configuration, logger: logger, started: admin)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                Listeners.write(Listeners.url(scheme: configuration.publicScheme, host: configuration.host, port: port),
                                to: configuration.serverURLFile)
                onReady(ListeningPorts(api: port, admin: admin.listeningPort))
            },
            logger: logger)
        app.beforeServerStarts { try await admin.wait() }
        let epochs = EpochSchedule.start(parts.proof) { logger.info("\($0)") }
        let accessLog = parts.accessLog
        let accessLogHeads = Task.detached { await accessLog.run() }
        let catalog = parts.context.catalog
        let custody = parts.context.custody?.run { catalog.snapshot.assets.enumerated().map { (AssetId($0.offset), $0.element) } }
        defer {
            custody?.cancel()
            epochs?.cancel()
            accessLogHeads.cancel()
            try? FileManager.default.removeItem(atPath: configuration.serverURLFile)
            try? FileManager.default.removeItem(atPath: configuration.adminURLFile)
            parts.context.sequencer.stop(takingSnapshot: true)
            parts.context.streams.stop()
            parts.webSocketAPI.userStreams.stop()
            parts.proof.journalLog.close(through: parts.context.sequencer.committedSequence)
            parts.context.surveillance?.close(through: parts.context.sequencer.committedSequence)
        }
        try await app.runService()
        logger.info("shutting down: requests drained, writing a final snapshot")
    }

    /// Everything but the HTTP listeners, wired together.
    static func assemble(_ configuration: ServerConfiguration, logger: Logger) async throws -> AssembledServer {
        try FileManager.default.createDirectory(atPath: configuration.journalDirectory, withIntermediateDirectories: true)
        let log: @Sendable (String) -> Void = { logger.info("\($0)") }
        let history = try SQLiteHistoryStore(path: configuration.historyFile)
        try configuration.proof.validate()
        try configuration.connections.validate()
        _ = try configuration.masterKeyFile  // a key misplaced is refused before the journal opens
        let metrics = APIMetrics()
        let catalog = Catalog()
        // The commit pipeline, in one place. Stage 1, inline on the committer before anyone is
        // answered: the listings and the metrics' counts. Stage 2, the ring: every consumer on
        // a thread of its own at its own cursor; the three that keep a position on disk are caught
        // up by recovery's replay before the first command.
        let ring = CommitRing()
        let journalLog = try JournalLog(directory: configuration.merkleDirectory,
                                        journalDirectory: configuration.journalDirectory,
                                        cursor: ring.cursor("journal log"), log: log)
        let surveillance = try SurveillanceFeed(store: try SQLiteSurveillanceStore(path: configuration.surveillanceFile),
                                                cursor: ring.cursor("surveillance"), settings: configuration.surveillance,
                                                metrics: metrics, log: log)
        let catchUps = [try HistoryProjector.catchUp(history), journalLog.catchUp, surveillance.catchUp]
        let projector = try HistoryProjector(store: history, cursor: ring.cursor("history"), log: log)
        let streams = MarketStreamHub(catalog: catalog, history: HubHistory(store: history) { projector.recordedSequence },
                                      cursor: ring.cursor("market streams"))
        let listenKeys = ListenKeys()
        let authenticator = Authenticator(keys: [])
        let userStreams = UserStreams(catalog: catalog, listenKeys: listenKeys, keyIsActive: authenticator.isActive,
                                      cursor: ring.cursor("user streams"))
        let custodyCursor = CustodyService.cursor(configuration, ring: ring)
        let sequencer = try Sequencer(
            directory: configuration.journalDirectory, configuration: configuration.sequencer,
            hooks: SequencerHooks(
                log: log,
                onCommit: { batch in
                    catalog.absorb(batch)
                    metrics.record(batch)
                },
                onSync: { metrics.record($0) },
                onFailure: { error in
                    logger.critical("the journal failed, exiting: \(error)")
                    exit(1)
                }),
            ring: ring, catchingUp: catchUps)
        let listings = try await sequencer.inspect { exchange in
            (exchange.engine.assets, (0..<exchange.engine.marketCount).compactMap { exchange.engine.market(MarketId($0)) })
        }
        catalog.replace(assets: listings.0, markets: listings.1)
        try await StreamSeeding.seed(streams, from: sequencer, history: history)
        let keys = KeyAdministration(store: try SQLiteAPIKeyStore(path: configuration.keysFile),
                                     masterKey: try MasterKey(path: configuration.masterKeyFile),
                                     authenticator: authenticator)
        for key in try keys.loadAll() { authenticator.install(key) }
        let limiter = RateLimiter(limits: configuration.rateLimits)
        var context = ServerContext(configuration: configuration,
                                    gateway: ExchangeGateway(sequencer: sequencer, catalog: catalog), catalog: catalog,
                                    history: projector, keys: keys, limiter: limiter, listenKeys: listenKeys,
                                    metrics: metrics, streams: streams)
        if let custodyCursor {
            context.custody = try await CustodyService(configuration, cursor: custodyCursor, sequencer: sequencer,
                                                       metrics: metrics, logger: logger)
        }
        try await surveillance.start(sequencer: sequencer)
        context.surveillance = surveillance
        let adminToken = try AdminToken.load(path: configuration.adminTokenFile)
        let proof = try ProofServices(configuration: configuration, sequencer: sequencer, journalLog: journalLog)
        let users = try userAccounts(configuration, context: context)
        let accessLog = try await AccessLogCheckpoints(log: try AccessLog(path: configuration.layout.auditAccessLog),
                                                       gateway: context.gateway, settings: configuration.accessLog,
                                                       logger: logger)
        let endpoints = Endpoints.all(context, proof: proof, users: users, accessLog: accessLog)
        let table = EndpointTable(endpoints.filter { !$0.onAdminListener })
        let api = APIService(table: table, gate: RequestGate(limiter: limiter, authenticator: authenticator, adminToken: adminToken,
                                                             sessions: users.sessions),
                             metrics: metrics, servesTLS: configuration.tls != nil)
        // The admin listener counts its callers apart: behind a reverse proxy on the host the
        // public's traffic comes from 127.0.0.1 too, and must not get the operator banned.
        let adminAPI = APIService(table: EndpointTable(endpoints.filter(\.onAdminListener)),
                                  gate: RequestGate(limiter: RateLimiter(limits: configuration.rateLimits),
                                                    authenticator: authenticator, adminToken: adminToken),
                                  metrics: metrics)
        var routes = WebSocketRoutes()
        let marketStreams = MarketStreamService(hub: streams, catalog: catalog,
                                                users: ListenKeyStreams(userStreams: userStreams, listenKeys: listenKeys),
                                                limits: configuration.streams)
        routes.register(pathPrefix: "/ws", marketStreams)
        routes.register(pathPrefix: "/stream", marketStreams)
        let webSocketAPI = WebSocketAPI(endpoints: table, authenticator: authenticator, limiter: limiter,
                                        userStreams: userStreams)
        routes.register(path: "/ws-api/v3", WebSocketAPIService(api: webSocketAPI))
        let webSockets = WebSocketUpgrade(
            routes: routes,
            admission: ConnectionAdmission(limits: configuration.streams, enforcePerIP: configuration.rateLimits.enforced),
            limits: configuration.streams, budget: OutboxBudget(bytesMax: configuration.streams.outboxesBytesMax))
        return AssembledServer(context: context, api: api, adminAPI: adminAPI, webSockets: webSockets,
                               webSocketAPI: webSocketAPI, proof: proof, accessLog: accessLog,
                               connections: OpenConnections(openMax: configuration.connections.openMax),
                               adminConnections: OpenConnections(openMax: configuration.connections.openMax))
    }

    /// The web page's users, in `users.sqlite`; a sign-up opens its account like the operator does.
    private static func userAccounts(_ configuration: ServerConfiguration, context: ServerContext) throws -> UserAccounts {
        try configuration.users.validate()
        let store = try SQLiteUserStore(path: configuration.layout.users)
        let operations = AdminOperations(context: context)
        return UserAccounts(store: store,
                            sessions: try WebSessions(store: store, settings: configuration.users, now: ServerClock.milliseconds()),
                            settings: configuration.users, masterKey: context.keys.masterKey,
                            openAccount: { () async throws(BinanceError) -> AccountId in try await operations.openAccount() })
    }
}
