import SolventCore

/// A `ChainAdapter` that speaks Bitcoin Core's JSON-RPC, so `bitcoind -regtest` (or `solvent
/// chain`, which serves the same calls) can stand behind it. Node calls go to `/`, wallet calls
/// to the hot wallet's `/wallet/<name>`.
public struct BitcoinRPCAdapter: ChainAdapter {
    public let scale: Scale
    private let node: JSONRPCClient
    let wallet: JSONRPCClient

    public init(poster: any HTTPPoster, credentials: RPCCredentials, wallet: String, scale: Scale = 8) {
        self.scale = scale
        node = JSONRPCClient(poster: poster, path: "/", credentials: credentials)
        self.wallet = JSONRPCClient(poster: poster, path: "/wallet/" + wallet, credentials: credentials)
    }

    /// bitcoind's "Invalid or non-wallet transaction id".
    static let unknownTransactionCode: Int64 = -5

    public func tip() async throws -> ChainTip {
        let info = try await node.call("getblockchaininfo")
        guard let height = info["blocks"]?.int, let hash = info["bestblockhash"]?.string else {
            throw JSONRPCClient.Failure.malformed("getblockchaininfo without blocks/bestblockhash")
        }
        return ChainTip(height: height, blockHash: hash)
    }

    public func newAddress(label: String) async throws -> String {
        guard let address = try await wallet.call("getnewaddress", [.string(label)]).string else {
            throw JSONRPCClient.Failure.malformed("getnewaddress did not answer a string")
        }
        return address
    }

    public func transfers(since cursor: ChainCursor?, confirmationsTarget: Int) async throws -> ChainScan {
        let target = max(1, confirmationsTarget)
        let reply = try await wallet.call("listsinceblock", [
            cursor.map { .string($0.blockHash) } ?? .null, .number("\(target)"), .bool(false), .bool(true),
        ])
        guard let last = reply["lastblock"]?.string else { throw JSONRPCClient.Failure.malformed("listsinceblock without lastblock") }
        let tip = try await tip()
        return ChainScan(transfers: try transfers(reply["transactions"]), removed: try transfers(reply["removed"]),
                         cursor: ChainCursor(height: max(0, tip.height - Int64(target - 1)), blockHash: last))
    }

    /// Receives and sends; mining rewards (`generate`, `immature`) are not deposits.
    private func transfers(_ list: JSONValue?) throws -> [ChainTransfer] {
        try (list?.array ?? []).compactMap { entry throws -> ChainTransfer? in
            let direction: ChainTransfer.Direction
            switch entry["category"]?.string {
            case "receive": direction = .received
            case "send": direction = .sent
            default: return nil
            }
            guard let txid = entry["txid"]?.string, let vout = entry["vout"]?.int, let amountText = entry["amount"]?.numberText,
                  let confirmations = entry["confirmations"]?.int, let vout32 = UInt32(exactly: vout) else {
                throw JSONRPCClient.Failure.malformed("a transaction without txid, vout, amount or confirmations")
            }
            return ChainTransfer(direction: direction, outpoint: ChainOutpoint(txid: txid, vout: vout32),
                                 address: entry["address"]?.string ?? "", label: entry["label"]?.string ?? "",
                                 amount: abs(try ChainAmount.units(amountText, scale: scale)),
                                 confirmations: Int(confirmations), comment: entry["comment"]?.string ?? "")
        }
    }

    public func confirmations(txid: String) async throws -> Int? {
        do {
            let reply = try await wallet.call("gettransaction", [.string(txid)])
            guard let confirmations = reply["confirmations"]?.int else {
                throw JSONRPCClient.Failure.malformed("gettransaction without confirmations")
            }
            return Int(confirmations)
        } catch JSONRPCClient.Failure.rpc(let code, _) where code == Self.unknownTransactionCode {
            return nil
        }
    }

    public func send(to address: String, amount: Amount, reference: String) async throws -> String {
        let reply = try await wallet.call("sendtoaddress", [
            .string(address), .number(ChainAmount.text(amount, scale: scale)), .string(reference),
        ])
        guard let txid = reply.string else { throw JSONRPCClient.Failure.malformed("sendtoaddress did not answer a txid") }
        return txid
    }

    public func sentTransaction(reference: String) async throws -> String? {
        let reply = try await wallet.call("listsinceblock", [.null, .number("1"), .bool(false), .bool(false)])
        return try transfers(reply["transactions"]).first { $0.direction == .sent && $0.comment == reference }?.outpoint.txid
    }

    public func balance() async throws -> Amount {
        let reply = try await wallet.call("getbalances")
        guard let trusted = reply["mine"]?["trusted"]?.numberText else {
            throw JSONRPCClient.Failure.malformed("getbalances without mine.trusted")
        }
        return try ChainAmount.units(trusted, scale: scale)
    }

    public func sign(message: String, address: String) async throws -> String {
        guard let signature = try await wallet.call("signmessage", [.string(address), .string(message)]).string else {
            throw JSONRPCClient.Failure.malformed("signmessage did not answer a string")
        }
        return signature
    }
}
