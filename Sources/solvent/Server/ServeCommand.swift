import ArgumentParser
import Foundation
import Logging
import SolventCommandLine
import SolventServer

/// `solvent serve`: the exchange behind the Binance-compatible REST API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the exchange over the Binance Spot REST API.",
        discussion: """
            Everything lives under --data: the journal and snapshots (journal/), the history and \
            API keys (history.sqlite), the admin token (admin.token). The key that seals secrets \
            at rest lives beside the directory, not in it (<data>.master.key), unless --master-key \
            names another file; one left inside by an older version is refused. The operator's \
            endpoints (/admin/v1/...) and /metrics are served only on the admin listener \
            (--admin-host, --admin-port; loopback and any free port by default), whose URL is \
            written to admin.url for solvent admin. Environment: SOLVENT_HOST, SOLVENT_PORT, \
            SOLVENT_ADMIN_HOST, SOLVENT_ADMIN_PORT, SOLVENT_RATE_LIMITS=off, SOLVENT_MASTER_KEY; a \
            JSON file (--config) sets the rest: rate limits, journal batching, segments, snapshots, \
            TLS on the public listener (or --tls-certificate-chain and --tls-private-key). \
            Stops cleanly on SIGTERM or SIGINT: stops accepting, drains, snapshots.
            """)

    @Option(help: "The data directory (created if missing).")
    var data: String

    @Option(help: "A JSON configuration file (see ConfigurationFile.swift); flags and environment override it.")
    var config: String?

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port: Int?

    @Option(help: "Address to listen on.")
    var host: String?

    @Option(help: "Port of the admin listener (the operator's endpoints and /metrics; 0: any free port, the default).")
    var adminPort: Int?

    @Option(help: "Address of the admin listener (default: 127.0.0.1).")
    var adminHost: String?

    @Option(help: "TLS on the public listener: PEM file of the certificate chain (with --tls-private-key).")
    var tlsCertificateChain: String?

    @Option(help: "TLS on the public listener: PEM file of the private key (with --tls-certificate-chain).")
    var tlsPrivateKey: String?

    @Option(help: "File holding the master key that seals secrets (default: <data>.master.key, beside the data directory).")
    var masterKey: String?

    @Flag(help: "Do not enforce the rate limits, nor the per-IP WebSocket connection limit (they are still advertised). For local experiments: to raise limits, use --config.")
    var noRateLimits = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        for (flag, port) in [("--port", port), ("--admin-port", adminPort)] {
            if let port, !(0...65_535).contains(port) { throw ValidationError("\(flag) must be 0...65535") }
        }
        guard (tlsCertificateChain == nil) == (tlsPrivateKey == nil) else {
            throw ValidationError("--tls-certificate-chain and --tls-private-key go together")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level \(logLevel)") }
    }

    func run() async throws {
        var configuration = ServerConfiguration(dataDirectory: data)
        if let config {
            do { try configuration.apply(configurationFile: config) } catch { StandardStreams.fail("solvent serve: \(error)") }
        }
        configuration.applyEnvironment()
        if let port { configuration.port = port }
        if let host { configuration.host = host }
        if let adminPort { configuration.adminPort = adminPort }
        if let adminHost { configuration.adminHost = adminHost }
        if let tlsCertificateChain, let tlsPrivateKey {
            configuration.tls = TLSFiles(certificateChain: tlsCertificateChain, privateKey: tlsPrivateKey)
        }
        if let masterKey { configuration.masterKeyPath = masterKey }
        if noRateLimits { configuration.rateLimits.enforced = false }
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label)
            handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "solvent")
        let (scheme, host, adminHost) = (configuration.publicScheme, configuration.host, configuration.adminHost)
        do {
            try await SolventApplication.run(configuration, logger: logger) { ports in
                StandardStreams.out("solvent: serving on \(scheme)://\(host):\(ports.api)\n"
                    + "solvent: admin listener on http://\(adminHost):\(ports.admin)\n")
            }
        } catch {
            StandardStreams.fail("solvent serve: \(error)")
        }
    }
}
