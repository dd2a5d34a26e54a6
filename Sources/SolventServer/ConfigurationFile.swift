import Foundation

/// `solvent serve --config FILE`: the settings as JSON, e.g.
///
///     {"host": "127.0.0.1", "port": 8080, "masterKey": "/etc/solvent/master.key",
///      "admin": {"host": "127.0.0.1", "port": 9090},
///      "tls": {"certificateChain": "/etc/solvent/fullchain.pem", "privateKey": "/etc/solvent/key.pem"},
///      "rateLimits": {"enforced": true, "weightPerMinute": 6000, "rawRequestsPerFiveMinutes": 61000,
///                     "ordersPerTenSeconds": 100, "ordersPerDay": 200000, "banSeconds": 120,
///                     "rejectedPerTenSeconds": 50},
///      "streams": {"connectionsMax": 10000, "connectionsPerIPPerFiveMinutes": 300},
///      "connections": {"idleSeconds": 60, "requestHeadSeconds": 10, "requestBodySeconds": 30,
///                      "openMax": 8192},
///      "journal": {"maxBatch": 2048, "queueCapacity": 8192, "segmentBytes": 67108864,
///                  "snapshotEvery": 1000000},
///      "proof": {"exchangeId": "solvent", "treeHeight": 24, "epochIntervalSeconds": 86400,
///                "reserves": {"BTC": "1250.5"}},
///      "users": {"passwordRounds": 600000, "lockoutFailures": 5, "lockoutSeconds": 900,
///                "attemptsPerMinute": 20, "sessionSeconds": 43200, "secureCookies": false},
///      "custody": {"pollMilliseconds": 1000, "confirmations": 2, "withdrawalFees": {"BTC": 10000},
///                  "approvalAbove": {"BTC": 100000000}, "hotCeilings": {"BTC": 5000000000},
///                  "hotFloors": {"BTC": 100000000}, "coldAddresses": {"BTC": "bc1q..."},
///                  "addressDelaySeconds": 86400, "withdrawalLockSeconds": 86400},
///      "surveillance": {"linkedAccounts": [[12, 40]], "spoofSizeMultiple": 20, "bandBasisPoints": 500},
///      "audit": {"checkpointEntries": 100, "checkpointSeconds": 60}}
///
/// Custody amounts are integers in the asset's smallest units (satoshis for an 8-decimal asset).
///
/// Every key is optional. Precedence: flags, then environment, then this file, then defaults.
struct ConfigurationFile: Decodable {
    struct Limits: Decodable {
        var enforced: Bool?
        var weightPerMinute: Int?
        var rawRequestsPerFiveMinutes: Int?
        var ordersPerTenSeconds: Int?
        var ordersPerDay: Int?
        var banSeconds: Int?
        var rejectedPerTenSeconds: Int?
    }

    struct Streams: Decodable {
        var connectionsMax: Int?
        var connectionsPerIPPerFiveMinutes: Int?
    }

    struct Connections: Decodable {
        var idleSeconds: Int?
        var requestHeadSeconds: Int?
        var requestBodySeconds: Int?
        var openMax: Int?
    }

    /// The admin listener's address (`ServerConfiguration.adminHost`, `adminPort`).
    struct Admin: Decodable {
        var host: String?
        var port: Int?
    }

    /// TLS on the public listener: both PEM files, or the key is an error.
    struct TLS: Decodable {
        var certificateChain: String
        var privateKey: String
    }

    struct Journal: Decodable {
        var maxBatch: Int?
        var queueCapacity: Int?
        var segmentBytes: Int?
        var snapshotEvery: UInt64?
    }

    var host: String?
    var port: Int?
    var masterKey: String?
    var admin: Admin?
    var tls: TLS?
    var rateLimits: Limits?
    var streams: Streams?
    var connections: Connections?
    var journal: Journal?
    var proof: ProofSettingsFile?
    var users: UserSettingsFile?
    var custody: Custody?
    var surveillance: SurveillanceSettingsFile?
    var audit: AccessLogSettingsFile?

    struct Custody: Decodable {
        var pollMilliseconds: Int?
        var confirmations: Int?
        var withdrawalFees: [String: Int64]?
        var approvalAbove: [String: Int64]?
        var hotCeilings: [String: Int64]?
        var hotFloors: [String: Int64]?
        var coldAddresses: [String: String]?
        var addressDelaySeconds: Int64?
        var withdrawalLockSeconds: Int64?

        static let keys: Set<String> = ["pollMilliseconds", "confirmations", "withdrawalFees", "approvalAbove",
                                        "hotCeilings", "hotFloors", "coldAddresses", "addressDelaySeconds",
                                        "withdrawalLockSeconds"]
        /// Ten years: a longer delay is a typo, and its milliseconds could overflow.
        static let delaySecondsMax: Int64 = 10 * 366 * 86_400

        func apply(to settings: inout CustodySettings) throws {
            let amounts = [withdrawalFees, approvalAbove, hotCeilings, hotFloors].compactMap { $0 }.flatMap(\.values)
            guard amounts.allSatisfy({ $0 >= 0 }), (pollMilliseconds ?? 1) > 0, (confirmations ?? 1) > 0 else {
                throw ServerError("custody: amounts must be whole units >= 0, pollMilliseconds and confirmations > 0")
            }
            let delays = [addressDelaySeconds, withdrawalLockSeconds].compactMap { $0 }
            guard delays.allSatisfy({ (0...Self.delaySecondsMax).contains($0) }) else {
                throw ServerError("custody: addressDelaySeconds and withdrawalLockSeconds must be 0...\(Self.delaySecondsMax)")
            }
            settings.pollMilliseconds = pollMilliseconds ?? settings.pollMilliseconds
            settings.confirmationsRequired = confirmations ?? settings.confirmationsRequired
            settings.withdrawalFees = withdrawalFees ?? settings.withdrawalFees
            settings.approvalThresholds = approvalAbove ?? settings.approvalThresholds
            settings.hotCeilings = hotCeilings ?? settings.hotCeilings
            settings.hotFloors = hotFloors ?? settings.hotFloors
            settings.coldAddresses = coldAddresses ?? settings.coldAddresses
            if let seconds = addressDelaySeconds { settings.securityDelays.addressDelay = seconds * 1_000 }
            if let seconds = withdrawalLockSeconds { settings.securityDelays.withdrawalLock = seconds * 1_000 }
        }
    }
}

extension ServerConfiguration {
    /// Applies the JSON file at `path`; unknown keys are an error, so a typo is not ignored.
    public mutating func apply(configurationFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw ServerError("cannot read \(path)") }
        let file: ConfigurationFile
        do {
            try Self.rejectUnknownKeys(data, path)
            file = try JSONDecoder().decode(ConfigurationFile.self, from: data)
        } catch let error as ServerError {
            throw error
        } catch {
            throw ServerError("\(path) is not a valid configuration: \(error)")
        }
        host = file.host ?? host
        port = file.port ?? port
        masterKeyPath = file.masterKey ?? masterKeyPath
        adminHost = file.admin?.host ?? adminHost
        adminPort = file.admin?.port ?? adminPort
        if let files = file.tls { tls = TLSFiles(certificateChain: files.certificateChain, privateKey: files.privateKey) }
        if let limits = file.rateLimits {
            rateLimits.enforced = limits.enforced ?? rateLimits.enforced
            rateLimits.weightPerMinute = limits.weightPerMinute ?? rateLimits.weightPerMinute
            rateLimits.rawRequestsPerFiveMinutes = limits.rawRequestsPerFiveMinutes ?? rateLimits.rawRequestsPerFiveMinutes
            rateLimits.ordersPerTenSeconds = limits.ordersPerTenSeconds ?? rateLimits.ordersPerTenSeconds
            rateLimits.ordersPerDay = limits.ordersPerDay ?? rateLimits.ordersPerDay
            rateLimits.banSeconds = limits.banSeconds ?? rateLimits.banSeconds
            rateLimits.rejectedPerTenSeconds = limits.rejectedPerTenSeconds ?? rateLimits.rejectedPerTenSeconds
        }
        if let limits = file.streams {
            streams.connectionsMax = limits.connectionsMax ?? streams.connectionsMax
            streams.connectionsPerIPPerFiveMinutes = limits.connectionsPerIPPerFiveMinutes ?? streams.connectionsPerIPPerFiveMinutes
        }
        if let limits = file.connections {
            connections.idleSeconds = limits.idleSeconds ?? connections.idleSeconds
            connections.requestHeadSeconds = limits.requestHeadSeconds ?? connections.requestHeadSeconds
            connections.requestBodySeconds = limits.requestBodySeconds ?? connections.requestBodySeconds
            connections.openMax = limits.openMax ?? connections.openMax
        }
        if let journal = file.journal {
            sequencer.maxBatch = journal.maxBatch ?? sequencer.maxBatch
            sequencer.queueCapacity = journal.queueCapacity ?? sequencer.queueCapacity
            sequencer.segmentSizeLimit = journal.segmentBytes ?? sequencer.segmentSizeLimit
            sequencer.snapshotInterval = journal.snapshotEvery ?? sequencer.snapshotInterval
        }
        file.proof?.apply(to: &proof)
        file.users?.apply(to: &users)
        try file.custody?.apply(to: &custody)
        try file.surveillance?.apply(to: &surveillance)
        try file.audit?.apply(to: &accessLog)
    }

    private static func rejectUnknownKeys(_ data: Data, _ path: String) throws {
        let known: [String: Set<String>] = [
            "": ["host", "port", "masterKey", "admin", "tls", "rateLimits", "streams", "connections", "journal", "proof", "users", "custody",
                 "surveillance", "audit"],
            "admin": ["host", "port"],
            "tls": ["certificateChain", "privateKey"],
            "streams": ["connectionsMax", "connectionsPerIPPerFiveMinutes"],
            "connections": ["idleSeconds", "requestHeadSeconds", "requestBodySeconds", "openMax"],
            "rateLimits": ["enforced", "weightPerMinute", "rawRequestsPerFiveMinutes", "ordersPerTenSeconds", "ordersPerDay",
                           "banSeconds", "rejectedPerTenSeconds"],
            "journal": ["maxBatch", "queueCapacity", "segmentBytes", "snapshotEvery"],
            "proof": ProofSettingsFile.keys,
            "users": UserSettingsFile.keys,
            "custody": ConfigurationFile.Custody.keys,
            "surveillance": SurveillanceSettingsFile.keys,
            "audit": AccessLogSettingsFile.keys,
        ]
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ServerError("\(path): the configuration must be a JSON object")
        }
        for (key, value) in root {
            guard known[""]!.contains(key) else { throw ServerError("\(path): unknown setting \"\(key)\"") }
            guard let section = known[key], let object = value as? [String: Any] else { continue }
            for inner in object.keys where !section.contains(inner) {
                throw ServerError("\(path): unknown setting \"\(key).\(inner)\"")
            }
        }
    }
}
