import SolventCore

/// The methods, with bitcoind's positional parameters.
extension SimulatedChainRPC {
    static func call(_ method: String, _ params: [JSONValue], wallet: String?, miner: String,
                     on chain: inout SimulatedChain) throws(RPCError) -> JSONValue {
        switch method {
        case "getblockchaininfo":
            return .object([("chain", .string("regtest")), ("blocks", .number("\(chain.height)")),
                            ("bestblockhash", .string(chain.tipHash))])
        case "generatetoaddress":
            guard let count = params.first?.int, let address = params.dropFirst().first?.string, count >= 0, count <= 10_000 else {
                throw .invalidParameter("nblocks, address")
            }
            return .array(try mapped { () throws(SimulatedChain.Failure) in try chain.mine(Int(count), to: address) }.map { .string($0) })
        case "reorg":
            guard let depth = params.first?.int else { throw .invalidParameter("depth") }
            let keep = params.dropFirst().first?.bool ?? true
            try mapped { () throws(SimulatedChain.Failure) in try chain.reorg(depth: Int(depth), keepTransactions: keep, minedTo: miner) }
            return .string(chain.tipHash)
        default:
            return try walletCall(method, params, wallet: try walletName(wallet, chain), on: &chain)
        }
    }

    private static func walletName(_ wallet: String?, _ chain: SimulatedChain) throws(RPCError) -> String {
        guard let wallet, chain.walletNames.contains(wallet) else { throw .walletNotFound }
        return wallet
    }

    private static func walletCall(_ method: String, _ params: [JSONValue], wallet: String,
                                   on chain: inout SimulatedChain) throws(RPCError) -> JSONValue {
        switch method {
        case "getnewaddress":
            let label = params.first?.string ?? ""
            return .string(try mapped { () throws(SimulatedChain.Failure) in try chain.newAddress(wallet: wallet, label: label) })
        case "listsinceblock":
            let hash = params.first?.string
            let target = Int(params.dropFirst().first?.int ?? 1)
            let includeRemoved = params.dropFirst(3).first?.bool ?? true
            return chain.listSinceBlock(wallet: wallet, blockHash: hash, target: target, includeRemoved: includeRemoved)
        case "gettransaction":
            guard let txid = params.first?.string, let confirmations = chain.confirmations(txid),
                  !chain.entries(for: txid, wallet: wallet).isEmpty else {
                throw RPCError(code: -5, message: "Invalid or non-wallet transaction id")
            }
            return .object([("txid", .string(txid)), ("confirmations", .number("\(confirmations)")),
                            ("details", .array(chain.entries(for: txid, wallet: wallet)))])
        case "sendtoaddress":
            guard let address = params.first?.string, let text = params.dropFirst().first?.numberText,
                  let amount = try? ChainAmount.units(text, scale: chain.scale) else {
                throw .invalidParameter("address, amount")
            }
            let comment = params.dropFirst(2).first?.string ?? ""
            return .string(try mapped { () throws(SimulatedChain.Failure) in
                try chain.send(from: wallet, to: address, amount: amount, comment: comment)
            })
        case "getbalances":
            let balance = chain.balance(of: wallet)
            return .object([("mine", .object([("trusted", .number(chain.signed(balance))), ("untrusted_pending", .number("0")),
                                              ("immature", .number("0"))]))])
        case "getreceivedbyaddress":
            guard let address = params.first?.string, chain.wallet(of: address) == wallet else {
                throw RPCError(code: -4, message: "Address not found in wallet")
            }
            let minimum = Int(params.dropFirst().first?.int ?? 1)
            return .number(chain.signed(chain.received(by: address, confirmationsMin: minimum)))
        default:
            return try reserveCall(method, params, wallet: wallet, on: chain)
        }
    }

    /// The chain's own failures as bitcoind's codes.
    @discardableResult
    private static func mapped<Value>(_ body: () throws(SimulatedChain.Failure) -> Value) throws(RPCError) -> Value {
        do {
            return try body()
        } catch {
            switch error {
            case .unknownWallet: throw .walletNotFound
            case .unknownAddress(let address): throw RPCError(code: -5, message: "Invalid address: \(address)")
            case .insufficientFunds: throw RPCError(code: -6, message: "Insufficient funds")
            case .invalidAmount: throw RPCError(code: -3, message: "Invalid amount")
            case .invalidDepth: throw .invalidParameter("depth")
            }
        }
    }
}

/// Answers the JSON-RPC client in-process, through the same handler the HTTP server uses.
public struct InProcessPoster: HTTPPoster {
    public let rpc: SimulatedChainRPC

    public init(rpc: SimulatedChainRPC) { self.rpc = rpc }

    public func post(path: String, body: [UInt8], headers: [(String, String)]) async throws -> HTTPReply {
        rpc.handle(path: path, body: body, authorization: headers.first { $0.0 == "Authorization" }?.1)
    }
}
