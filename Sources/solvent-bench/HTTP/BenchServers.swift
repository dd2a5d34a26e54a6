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

    static func solvent(directory: String) async throws -> (port: Int, task: Task<Void, any Error>) {
        var configuration = ServerConfiguration(dataDirectory: directory)
        configuration.port = 0
        configuration.rateLimits.enforced = false
        let ready = AsyncStream<Int>.makeStream()
        let task = Task { try await SolventApplication.run(configuration, logger: quietLogger) { ready.continuation.yield($0) } }
        var ports = ready.stream.makeAsyncIterator()
        return (await ports.next() ?? 0, task)
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

    /// The signed query of a `POST /api/v3/order`: an IOC buy far below the market, so it expires
    /// at once, the book stays empty and every request costs the same. Timestamped now, with a
    /// 60 s `recvWindow`, so a request prepared before a short measurement stays valid through it.
    func signedOrderTarget() -> String {
        let timestamp = Int64(Date().timeIntervalSince1970 * 1_000)
        let query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.001&price=1.00"
            + "&newOrderRespType=ACK&recvWindow=60000&timestamp=\(timestamp)"
        let signature = HMAC<SHA256>.authenticationCode(for: Array(query.utf8), using: SymmetricKey(data: secret))
        return "/api/v3/order?\(query)&signature=\(Hex.encode(Array(signature)))"
    }

    /// The order as raw HTTP/1.1 bytes, for the built-in load generator.
    func orderRequest() -> [UInt8] {
        Array("POST \(signedOrderTarget()) HTTP/1.1\r\nHost: bench\r\nX-MBX-APIKEY: \(apiKey)\r\nContent-Length: 0\r\n\r\n".utf8)
    }

    /// The order for wrk's script.
    func wrkRequest() -> WrkRequest {
        WrkRequest(method: "POST", target: signedOrderTarget(), headers: [("X-MBX-APIKEY", apiKey), ("Content-Length", "0")])
    }
}
