import Foundation
import SolventAudit
import SolventJournal

/// Everything `solvent serve` can be told, from flags, environment variables
/// (`SOLVENT_HOST`, `SOLVENT_PORT`, `SOLVENT_ADMIN_HOST`, `SOLVENT_ADMIN_PORT`,
/// `SOLVENT_RATE_LIMITS=off`, `SOLVENT_MASTER_KEY`) or both.
public struct ServerConfiguration: Sendable {
    public var dataDirectory: String
    /// The public listener: the Binance API, the streams and the web page.
    public var host = "127.0.0.1"
    public var port = 8080
    /// The admin listener: the operator's endpoints and `/metrics`, which the public listener
    /// never serves. Loopback, on a port the system picks, by default: `<data>/admin.url` says
    /// which, and `solvent admin` reads it.
    public var adminHost = "127.0.0.1"
    public var adminPort = 0
    /// TLS on the public listener, when set; plain HTTP otherwise.
    public var tls: TLSFiles?
    /// The file holding the key that seals secrets at rest; default `<data>.master.key`, beside
    /// the data directory (`DataDirectory.masterKey`).
    public var masterKeyPath: String?
    public var rateLimits = RateLimits()
    public var sequencer = SequencerConfiguration()
    public var streams = StreamLimits()
    public var connections = ConnectionLimits()
    public var proof = ProofSettings()
    /// The web page's sign-in rules.
    public var users = UserSettings()
    public var custody = CustodySettings()
    /// Market surveillance's thresholds and linked accounts.
    public var surveillance = SurveillanceSettings()
    /// How often the auditors' access log's head is journaled.
    public var accessLog = AccessLogSettings()
    /// The chain simulator's outside world, for the demo page's simulated deposits: set only by
    /// `solvent demo`, never read from a file or the environment, so `serve` has none.
    public var simulatedDeposits: SimulatedDeposits?

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    /// Applies the environment's settings over the defaults.
    public mutating func applyEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let host = environment["SOLVENT_HOST"] { self.host = host }
        if let port = environment["SOLVENT_PORT"].flatMap(Int.init) { self.port = port }
        if let host = environment["SOLVENT_ADMIN_HOST"] { adminHost = host }
        if let port = environment["SOLVENT_ADMIN_PORT"].flatMap(Int.init) { adminPort = port }
        if environment["SOLVENT_RATE_LIMITS"] == "off" { rateLimits.enforced = false }
        if let path = environment["SOLVENT_MASTER_KEY"] { masterKeyPath = path }
    }

    /// How the public listener is reached: `https` with TLS, `http` without.
    public var publicScheme: String { tls == nil ? "http" : "https" }

    /// The data directory's layout (`DataDirectory` is the one definition of it).
    public var layout: DataDirectory { DataDirectory(dataDirectory, masterKeyPath: masterKeyPath) }
    var masterKeyFile: String { get throws { try layout.masterKey } }
    var adminTokenFile: String { layout.adminToken }
    var historyFile: String { layout.history }
    var surveillanceFile: String { layout.surveillance }
    var keysFile: String { layout.keys }
    var serverURLFile: String { layout.serverURL }
    var adminURLFile: String { layout.adminURL }
    var chainURLsFile: String { layout.chainURLs }
    var chainCookieFile: String { layout.chainCookie }
    var journalDirectory: String { layout.journal }
}
