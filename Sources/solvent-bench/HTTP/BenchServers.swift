import Crypto
import Foundation
import Hummingbird
import Logging
import SolventServer
import SolventWire

/// The two servers the HTTP benchmark compares, in this process: a trivial Hummingbird
/// endpoint, and Solvent itself on a fresh data directory with one market and funded accounts.
enum BenchServers {
    /// Starts a Hummingbird app answering `GET /ping` with `{}`; returns its port.
    static func trivial() async throws -> (port: Int, task: Task<Void, any Error>) {
        let router = Router()
        router.get("/ping") { _, _ in "{}" }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { ready.continuation.yield($0.localAddress?.port ?? 0) },
                              logger: quietLogger)
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var ports = ready.stream.makeAsyncIterator()
        return (await ports.next() ?? 0, task)
    }

    /// Starts Solvent; returns its public port and its admin listener's.
    static func solvent(directory: String) async throws -> (port: Int, adminPort: Int, task: Task<Void, any Error>) {
        var configuration = ServerConfiguration(dataDirectory: directory)
        // A throwaway directory, removed with its key: named inside it on purpose.
        configuration.masterKeyPath = directory + "/master.key"
        configuration.port = 0
        configuration.rateLimits.enforced = false
        let ready = AsyncStream<ListeningPorts>.makeStream()
        let task = Task { try await SolventApplication.run(configuration, logger: quietLogger) { ready.continuation.yield($0) } }
        var ports = ready.stream.makeAsyncIterator()
        let listening = await ports.next()
        return (listening?.api ?? 0, listening?.admin ?? 0, task)
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        return logger
    }
}

/// An account with an HMAC key on the benchmark's Solvent server.
struct BenchTrader: Sendable {
    let apiKey: String
    let secret: [UInt8]

    /// `query` with a timestamp, a 60 s `recvWindow` and its HMAC signature appended: a request
    /// prepared before a short measurement stays valid through it.
    func signed(_ path: String, _ query: String) -> String {
        let timestamp = Int64(Date().timeIntervalSince1970 * 1_000)
        let payload = query + (query.isEmpty ? "" : "&") + "recvWindow=60000&timestamp=\(timestamp)"
        let signature = HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: SymmetricKey(data: secret))
        return "\(path)?\(payload)&signature=\(Hex.encode(Array(signature)))"
    }

    /// An IOC buy far below the market: it expires at once, the book stays empty and every
    /// request costs the same.
    func orderTarget() -> String {
        signed("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.001&price=1.00"
            + "&newOrderRespType=ACK")
    }

    /// A GTC buy far below the market, resting under `clientOrderId`.
    func restingOrderTarget(_ clientOrderId: String) -> String {
        signed("/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=1.00"
            + "&newOrderRespType=ACK&newClientOrderId=\(clientOrderId)")
    }

    func cancelTarget(_ clientOrderId: String) -> String {
        signed("/api/v3/order", "symbol=BTCUSDT&origClientOrderId=\(clientOrderId)")
    }

    /// Cancels every open order of this trader (what a measurement left resting).
    func cancelAllTarget() -> String {
        signed("/api/v3/openOrders", "symbol=BTCUSDT")
    }

    /// Cancels the resting order `old` and rests a new one as `new` in its place.
    func cancelReplaceTarget(_ old: String, _ new: String) -> String {
        signed("/api/v3/order/cancelReplace", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001"
            + "&price=1.00&cancelReplaceMode=STOP_ON_FAILURE&cancelOrigClientOrderId=\(old)&newClientOrderId=\(new)")
    }

    func accountTarget() -> String {
        signed("/api/v3/account", "omitZeroBalances=true")
    }

    /// A request as raw HTTP/1.1 bytes, for the built-in load generator.
    func raw(_ method: String, _ target: String) -> [UInt8] {
        Array("\(method) \(target) HTTP/1.1\r\nHost: bench\r\nX-MBX-APIKEY: \(apiKey)\r\nContent-Length: 0\r\n\r\n".utf8)
    }

    /// A request for wrk's script.
    func wrk(_ method: String, _ target: String) -> WrkRequest {
        WrkRequest(method: method, target: target, headers: [("X-MBX-APIKEY", apiKey), ("Content-Length", "0")])
    }
}
