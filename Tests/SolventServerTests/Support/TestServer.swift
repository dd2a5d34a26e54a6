import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
@testable import SolventServer

/// A real server on a free loopback port (and its admin listener on another) with a fresh data
/// directory, BTC/USDT listed, and helpers to make accounts, keys and signed requests.
final class TestServer: @unchecked Sendable {
    /// Holds the data directory and, beside it, its master key.
    let root: String
    let directory: String
    /// The public listener's port (a restart may change it).
    private(set) var port: Int
    private(set) var adminPort: Int
    private var task: Task<Void, any Error>
    private let configuration: ServerConfiguration
    private let logger: Logger

    /// Which of the server's two listeners a request goes to.
    enum Listener { case api, admin }

    /// `configure` sees the data directory (not yet created) and the test defaults, and may
    /// change both before the server starts.
    static func start(rateLimits: RateLimits = { var limits = RateLimits(); limits.enforced = false; return limits }(),
                      logLevel: Logger.Level = .warning,
                      configure: (_ directory: String, inout ServerConfiguration) throws -> Void = { _, _ in })
        async throws -> TestServer {
        // The data directory sits in a folder of its own, as the master key is kept beside it.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-server-\(UUID())").path
        let directory = root + "/data"
        var configuration = ServerConfiguration(dataDirectory: directory)
        configuration.port = 0
        configuration.rateLimits = rateLimits
        configuration.users = .forTests
        try configure(directory, &configuration)
        var logger = Logger(label: "test")
        logger.logLevel = logLevel
        let (ports, task) = try await launch(configuration, logger: logger)
        let server = TestServer(root: root, directory: directory, ports: ports, task: task, configuration: configuration,
                                logger: logger)
        try await server.setUpMarket()
        return server
    }

    private static func launch(_ configuration: ServerConfiguration, logger: Logger) async throws
        -> (ListeningPorts, Task<Void, any Error>) {
        let ready = AsyncStream<ListeningPorts>.makeStream()
        let task = Task {
            try await SolventApplication.run(configuration, logger: logger) { ports in ready.continuation.yield(ports) }
        }
        var iterator = ready.stream.makeAsyncIterator()
        guard let ports = await iterator.next() else { throw ServerError("the server did not start") }
        return (ports, task)
    }

    private init(root: String, directory: String, ports: ListeningPorts, task: Task<Void, any Error>,
                 configuration: ServerConfiguration, logger: Logger) {
        self.root = root
        self.directory = directory
        port = ports.api
        adminPort = ports.admin
        self.task = task
        self.configuration = configuration
        self.logger = logger
    }

    /// Stops the server as an operator would and starts a new one on the same data directory
    /// (and configuration), after `change` (made to the data directory while no server runs);
    /// the listeners' ports may change.
    func restart(changing change: () throws -> Void = {}) async throws {
        task.cancel()
        _ = try? await task.value
        try change()
        let (ports, task) = try await Self.launch(configuration, logger: logger)
        (port, adminPort, self.task) = (ports.api, ports.admin, task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        try? FileManager.default.removeItem(atPath: root)
    }

    private func setUpMarket() async throws {
        _ = try await admin("POST", "/admin/v1/asset", ["name": "BTC"])
        _ = try await admin("POST", "/admin/v1/asset", ["name": "USDT"])
        _ = try await admin("POST", "/admin/v1/market", ["symbol": "BTCUSDT", "baseAsset": "BTC", "quoteAsset": "USDT",
                                                       "tickSize": "0.01", "stepSize": "0.00001"])
    }

    /// A new account with `usdt` and `btc` deposited and an HMAC key holding `permissions`:
    /// (account, key, secret).
    func account(usdt: String = "100000", btc: String = "10", permissions: String = "read,trade") async throws
        -> TestAccount {
        let opened = try await admin("POST", "/admin/v1/account", [:])
        let account = (opened.json as! [String: Any])["account"] as! Int
        for (asset, amount) in [("USDT", usdt), ("BTC", btc)] {
            _ = try await admin("POST", "/admin/v1/deposit", ["account": String(account), "asset": asset, "amount": amount])
        }
        let key = try await admin("POST", "/admin/v1/apiKey", ["account": String(account), "permissions": permissions])
            .json as! [String: Any]
        return TestAccount(id: account, apiKey: key["apiKey"] as! String, secret: key["secret"] as! String)
    }

    /// An operator's request on the admin listener, with the admin token; anything but 200 throws.
    func admin(_ method: String, _ path: String, _ parameters: [String: String]) async throws -> HTTPAnswer {
        let answer = try await send(method, path, query: Self.query(parameters), headers: ["X-Solvent-Admin-Token": try adminToken()],
                                    on: .admin)
        guard answer.status == 200 else { throw ServerError("admin \(path): \(answer.status) \(answer.text)") }
        return answer
    }

    func adminToken() throws -> String {
        try String(contentsOfFile: directory + "/admin.token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A signed request (timestamp added, HMAC over the query) from `account`.
    func signed(_ method: String, _ path: String, _ parameters: [String: String], as account: TestAccount,
                timestamp: Int64? = nil) async throws -> HTTPAnswer {
        var parameters = parameters
        parameters["timestamp"] = String(timestamp ?? Int64(Date().timeIntervalSince1970 * 1_000))
        // The widest window Binance allows, as clients send 10 s: a loaded CI machine can take
        // seconds between signing and arrival.
        if timestamp == nil { parameters["recvWindow"] = parameters["recvWindow"] ?? "60000" }
        let query = Self.query(parameters)
        let signature = HMAC<SHA256>.authenticationCode(for: Data(query.utf8), using: SymmetricKey(data: Data(account.secret.utf8)))
            .map { String(format: "%02x", $0) }.joined()
        return try await send(method, path, query: query + "&signature=" + signature, headers: ["X-MBX-APIKEY": account.apiKey])
    }

    func send(_ method: String, _ path: String, query: String = "", headers: [String: String] = [:],
              body: String? = nil, on listener: Listener = .api) async throws -> HTTPAnswer {
        let port = listener == .api ? port : adminPort
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)\(query.isEmpty ? "" : "?" + query)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return HTTPAnswer(status: http.statusCode, data: data,
                          headers: http.allHeaderFields.reduce(into: [:]) { $0["\($1.key)".lowercased()] = "\($1.value)" })
    }

    static func query(_ parameters: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return parameters.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    }
}

extension UserSettings {
    /// The cheapest password hash swift-crypto allows, so sign-ins in tests take less time.
    static var forTests: UserSettings {
        var settings = UserSettings()
        settings.passwordRounds = PasswordHash.roundsMin
        return settings
    }
}

struct TestAccount: Sendable {
    let id: Int
    let apiKey: String
    let secret: String
}

struct HTTPAnswer: Sendable {
    let status: Int
    let data: Data
    let headers: [String: String]

    var text: String { String(decoding: data, as: UTF8.self) }
    var json: Any { (try? JSONSerialization.jsonObject(with: data)) ?? [:] }
    var code: Int? { (json as? [String: Any])?["code"] as? Int }
}
