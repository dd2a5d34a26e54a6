import SolventCore
import SolventProof

/// Proof of reserves over Bitcoin Core's RPC. `signmessage` needs a legacy (P2PKH) address, so
/// the wallet's reserve address is the one labelled `solvent-reserves`, made legacy on first use.
/// bitcoind signs secp256k1 "Bitcoin Signed Message"s; `solvent chain` says in `getaddressinfo`
/// that its keys are Ed25519 instead (`solvent_signature_scheme`).
extension BitcoinRPCAdapter {
    static let reserveLabel = "solvent-reserves"
    /// bitcoind's "No addresses with label".
    static let noAddressesCode: Int64 = -11
    /// Tip reads before giving up on a chain whose blocks keep coming between two calls.
    static let balanceReadsMax = 5

    public func reserveKey() async throws -> ReserveKey {
        let address = try await reserveAddress()
        let info = try await wallet.call("getaddressinfo", [.string(address)])
        guard let schemeName = info["solvent_signature_scheme"]?.string else {
            return ReserveKey(address: address, publicKey: [], scheme: .bitcoinMessage)
        }
        guard let scheme = ReserveSignatureScheme(rawValue: schemeName), let keyHex = info["pubkey"]?.string,
              case .success(let key) = Hex.decode(keyHex, byteCount: scheme.publicKeyByteCount) else {
            throw JSONRPCClient.Failure.malformed("getaddressinfo: unknown scheme \(schemeName) or a malformed pubkey")
        }
        return ReserveKey(address: address, publicKey: key, scheme: scheme)
    }

    private func reserveAddress() async throws -> String {
        do {
            let found = try await wallet.call("getaddressesbylabel", [.string(Self.reserveLabel)])
            guard case .object(let members) = found, let first = members.map(\.0).sorted().first else {
                throw JSONRPCClient.Failure.malformed("getaddressesbylabel did not answer an object of addresses")
            }
            return first
        } catch JSONRPCClient.Failure.rpc(let code, _) where code == Self.noAddressesCode {
            guard let made = try await wallet.call("getnewaddress", [.string(Self.reserveLabel), .string("legacy")]).string else {
                throw JSONRPCClient.Failure.malformed("getnewaddress did not answer a string")
            }
            return made
        }
    }

    /// `getbalance "*" 1` between two reads of the tip; read again if a block came in between,
    /// so the balance is the one at the end of the block named.
    public func confirmedBalance() async throws -> ConfirmedBalance {
        for _ in 0..<Self.balanceReadsMax {
            let before = try await tip()
            let reply = try await wallet.call("getbalance", [.string("*"), .number("1")])
            guard let text = reply.numberText else { throw JSONRPCClient.Failure.malformed("getbalance did not answer a number") }
            let balance = try ChainAmount.units(text, scale: scale)
            if try await tip() == before { return ConfirmedBalance(tip: before, balance: balance) }
        }
        throw JSONRPCClient.Failure.malformed("the tip moved during \(Self.balanceReadsMax) balance reads")
    }
}
