import Crypto
import Foundation
import Logging
import SolventCore
import SolventWire
import Synchronization
@testable import SolventServer

/// The whole server assembled in process (journal, history, keys, limits, user streams) and its
/// WebSocket API called as a function: frames in, frames out, no socket.
final class WebSocketAPIRig: @unchecked Sendable {
    let directory: String
    let parts: AssembledServer

    var api: WebSocketAPI { parts.webSocketAPI }
    var context: ServerContext { parts.context }

    init(rateLimits: RateLimits = { var limits = RateLimits(); limits.enforced = false; return limits }(),
         proof: ProofSettings? = nil) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-wsapi-\(UUID())").path
        var configuration = ServerConfiguration(dataDirectory: directory)
        configuration.rateLimits = rateLimits
        if let proof { configuration.proof = proof }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        parts = try await SolventApplication.assemble(configuration, logger: logger)
        for command: Command in [
            .listAsset(AssetSpec(name: "BTC", scale: 8)), .listAsset(AssetSpec(name: "USDT", scale: 8)),
            .listMarket(MarketSpec(symbol: "BTCUSDT", base: 0, quote: 1, filters: MarketFilters(
                price: PriceFilter(minPrice: 1_000_000, maxPrice: 100_000_000_000_000, tickSize: 1_000_000),
                lotSize: LotSizeFilter(minQuantity: 1_000, maxQuantity: 900_000_000_000, stepSize: 1_000)))),
        ] {
            _ = try await context.gateway.execute(command)
        }
    }

    func stop() {
        context.sequencer.stop(takingSnapshot: false)
        context.streams.stop()
        api.userStreams.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A funded account (100,000 USDT, 10 BTC) and a key of `kind`.
    func account(kind: KeyAdministration.Kind = .hmac) async throws -> WebSocketAPIAccount {
        let outcome = try await context.gateway.execute(.openAccount(nil))
        guard case .accountOpened(let id, _)? = outcome.events.first else { throw ServerError("no account") }
        _ = try await context.gateway.execute(.deposit(id, 1, 10_000_000_000_000))
        _ = try await context.gateway.execute(.deposit(id, 0, 1_000_000_000))
        var publicKeyPEM: String?
        var signer = WebSocketAPIAccount.Signer.hmac(Data())
        if kind == .ed25519 {
            let privateKey = Curve25519.Signing.PrivateKey()
            publicKeyPEM = Ed25519PEM.publicKeyPEM(raw: Array(privateKey.publicKey.rawRepresentation))
            signer = .ed25519(privateKey)
        }
        let created = try context.keys.create(account: id, kind: kind, publicKeyPEM: publicKeyPEM,
                                              permissions: [.read, .trade], ipAllowList: [], label: "test",
                                              now: ServerClock.milliseconds())
        if let secret = created.secret { signer = .hmac(Data(secret.utf8)) }
        return WebSocketAPIAccount(id: id, apiKey: created.record.id, signer: signer)
    }

    /// A connection whose pushes (user-data events) are collected.
    func connection() -> (WebSocketAPIConnection, Pushes) {
        let pushes = Pushes()
        return (WebSocketAPIConnection(clientIP: "127.0.0.1", connectedSince: ServerClock.milliseconds(),
                                       send: { pushes.append($0) }), pushes)
    }

    /// Sends `text` and parses the reply.
    func call(_ text: String, on connection: WebSocketAPIConnection) async -> WebSocketAPIAnswer {
        WebSocketAPIAnswer(text: String(decoding: await api.respond(to: text, on: connection), as: UTF8.self))
    }
}

/// The frames pushed to a connection, in order.
final class Pushes: Sendable {
    private let frames = Mutex<[String]>([])

    func append(_ bytes: [UInt8]) -> Bool {
        frames.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        return true
    }

    var all: [String] { frames.withLock { $0 } }

    var json: [[String: Any]] { all.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:] } }
}

struct WebSocketAPIAccount: @unchecked Sendable {
    enum Signer {
        case hmac(Data)
        case ed25519(Curve25519.Signing.PrivateKey)
    }

    let id: AccountId
    let apiKey: String
    let signer: Signer

    /// A JSON value of a request parameter: strings quoted, numbers as written.
    enum Value {
        case string(String)
        case number(String)

        var text: String {
            switch self {
            case .string(let text), .number(let text): text
            }
        }

        var json: String {
            switch self {
            case .string(let text): "\"\(text)\""
            case .number(let text): text
            }
        }
    }

    /// The signature of `params` as the WebSocket API defines it (sorted `k=v&…`).
    func signature(_ params: [String: Value]) -> String {
        let payload = Data(params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: "&").utf8)
        switch signer {
        case .hmac(let secret):
            return HMAC<Crypto.SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: secret))
                .map { String(format: "%02x", $0) }.joined()
        case .ed25519(let key):
            return (try! key.signature(for: payload)).base64EncodedString()
        }
    }

    /// A signed request frame: `apiKey`, `timestamp` (now, unless given) and a 60 s window added.
    func signedFrame(_ method: String, _ params: [String: Value] = [:], id: String = "1",
                     timestamp: Int64? = nil, tamper: Bool = false, withKey: Bool = true) -> String {
        var params = params
        if withKey { params["apiKey"] = .string(apiKey) }
        params["timestamp"] = .number(String(timestamp ?? ServerClock.milliseconds()))
        params["recvWindow"] = params["recvWindow"] ?? .number("60000")
        var signature = signature(params)
        if tamper { signature = String(signature.reversed()) }
        if withKey { params["signature"] = .string(signature) }
        return Self.frame(method, params, id: id)
    }

    static func frame(_ method: String, _ params: [String: Value], id: String = "1") -> String {
        let members = params.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value.json)" }.joined(separator: ",")
        return #"{"id":"\#(id)","method":"\#(method)","params":{\#(members)}}"#
    }
}

/// One parsed reply frame.
struct WebSocketAPIAnswer {
    let text: String

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    var status: Int? { json["status"] as? Int }
    var code: Int? { (json["error"] as? [String: Any])?["code"] as? Int }
    var result: [String: Any]? { json["result"] as? [String: Any] }
    var rateLimitTypes: [String]? { (json["rateLimits"] as? [[String: Any]])?.compactMap { $0["rateLimitType"] as? String } }
}
