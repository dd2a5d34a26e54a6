import SolventCore
import Synchronization

/// The simulated chain behind Bitcoin Core's JSON-RPC: the calls the exchange makes, plus
/// `generatetoaddress` and the simulator's own `reorg [depth, keepTransactions]`. Node calls
/// arrive at `/`, wallet calls at `/wallet/<name>`. Every request must carry the cookie's basic
/// auth, as bitcoind's do. Thread-safe: one lock around the chain.
public final class SimulatedChainRPC: Sendable {
    private let chain: Mutex<SimulatedChain>
    private let authorization: String
    /// Where reorgs' replacement blocks and timed blocks pay their reward.
    public let minerAddress: String

    /// Block rewards go to a fresh address of `minerWallet` (the "outside world", which funds
    /// the deposits tests and the demo make).
    public init(chain: SimulatedChain, minerWallet: String, authorization: String) throws(SimulatedChain.Failure) {
        var chain = chain
        minerAddress = try chain.newAddress(wallet: minerWallet, label: "miner")
        self.chain = Mutex(chain)
        self.authorization = authorization
    }

    /// Reads or changes the chain directly (the simulator's timer, tests).
    public func withChain<Value>(_ body: (inout SimulatedChain) throws -> Value) rethrows -> Value {
        try chain.withLock { try body(&$0) }
    }

    /// One HTTP request's answer.
    public func handle(path: String, body: [UInt8], authorization: String?) -> HTTPReply {
        guard authorization == self.authorization else { return HTTPReply(status: 401, body: []) }
        let wallet: String?
        if path == "/" || path.isEmpty { wallet = nil } else if path.hasPrefix("/wallet/") {
            wallet = String(path.dropFirst("/wallet/".count))
        } else {
            return HTTPReply(status: 404, body: [])
        }
        guard let request = try? JSONValue.parse(body), let method = request["method"]?.string else {
            return reply(id: .null, error: (-32700, "Parse error"), status: 500)
        }
        let id = request["id"] ?? .null
        let params = request["params"]?.array ?? []
        do {
            let result = try chain.withLock { chain throws(RPCError) in
                try Self.call(method, params, wallet: wallet, miner: minerAddress, on: &chain)
            }
            return reply(id: id, result: result)
        } catch {
            return reply(id: id, error: (error.code, error.message), status: error.code == -32601 ? 404 : 500)
        }
    }

    private func reply(id: JSONValue, result: JSONValue = .null, error: (Int64, String)? = nil, status: Int = 200) -> HTTPReply {
        let errorValue: JSONValue = error.map { .object([("code", .number("\($0.0)")), ("message", .string($0.1))]) } ?? .null
        let document = JSONValue.object([("result", result), ("error", errorValue), ("id", id)])
        return HTTPReply(status: status, body: Array(document.encoded().utf8))
    }
}

/// An RPC error as bitcoind numbers them.
struct RPCError: Error {
    var code: Int64
    var message: String

    static let methodNotFound = RPCError(code: -32601, message: "Method not found")
    static func invalidParameter(_ what: String) -> RPCError { RPCError(code: -8, message: "Invalid parameter: \(what)") }
    static let walletNotFound = RPCError(code: -18, message: "Requested wallet does not exist or is not loaded")
}
