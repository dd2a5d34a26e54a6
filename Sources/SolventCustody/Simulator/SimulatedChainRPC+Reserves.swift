import Crypto
import Foundation
import SolventCore
import SolventProof

/// The wallet calls proof of reserves makes, as bitcoind answers them: `getaddressesbylabel`,
/// `getaddressinfo` (with the simulator's `solvent_signature_scheme`, since its keys are
/// Ed25519, not secp256k1), `getbalance "*" minconf` and `signmessage`.
extension SimulatedChainRPC {
    static func reserveCall(_ method: String, _ params: [JSONValue], wallet: String,
                            on chain: SimulatedChain) throws(RPCError) -> JSONValue {
        switch method {
        case "getaddressesbylabel":
            let found = chain.labelledAddresses(wallet: wallet, label: params.first?.string ?? "")
            // bitcoind's "No addresses with label".
            guard !found.isEmpty else { throw RPCError(code: -11, message: "No addresses with label") }
            return .object(found.map { ($0, .object([("purpose", .string("receive"))])) })
        case "getaddressinfo":
            let address = try owned(params.first?.string, wallet: wallet, chain)
            let key = SimulatedWalletKey.publicKey(symbol: chain.symbol, wallet: wallet)
            return .object([("address", .string(address)), ("ismine", .bool(true)),
                            ("pubkey", .string(Hex.encode(key))),
                            ("solvent_signature_scheme", .string(ReserveSignatureScheme.simulatorEd25519.rawValue))])
        case "getbalance":
            // bitcoind: the balance with at least `minconf` confirmations, i.e. at height tip − minconf + 1.
            let minimum = max(1, params.dropFirst().first?.int ?? 1)
            return .number(chain.signed(chain.balance(of: wallet, atHeight: chain.height - minimum + 1)))
        case "signmessage":
            _ = try owned(params.first?.string, wallet: wallet, chain)
            guard let message = params.dropFirst().first?.string else { throw .invalidParameter("message") }
            let key = SimulatedWalletKey.privateKey(symbol: chain.symbol, wallet: wallet)
            guard let signature = try? key.signature(for: Array(message.utf8)) else {
                throw RPCError(code: -1, message: "signing failed")
            }
            return .string(Data(signature).base64EncodedString())
        default:
            throw .methodNotFound
        }
    }

    /// `address`, if it is one of `wallet`'s.
    private static func owned(_ address: String?, wallet: String, _ chain: SimulatedChain) throws(RPCError) -> String {
        guard let address, chain.wallet(of: address) == wallet else {
            throw RPCError(code: -4, message: "Address not found in wallet")
        }
        return address
    }
}
