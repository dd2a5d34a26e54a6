import Crypto
import Foundation

/// PROOF-FORMAT.md §11.4, written from the document alone: the attestation's canonical bytes and
/// signature, its binding to the header, each simulated wallet's address, challenge and
/// signature, and the wallets' sums against the header's reserves. Returns the number of
/// `bitcoin-message` entries it could not check.
extension DocumentVerifier {
    static func reserves(json: String, header: Header, publicKey: [UInt8]) throws -> Int {
        let object = try dictionary(json)
        guard try integer(object["version"]) == 1 else { throw Failure("attestation version") }
        let exchange = try string(object["exchange"])
        let epoch = try integer(object["epoch"])
        let headerHash = try hex(object["headerHash"], 32)
        guard exchange == header.exchange, epoch == header.epoch, headerHash == header.hash else {
            throw Failure("attestation names another header")
        }
        let rows = try list(object["assets"])
        guard rows.count == header.assets.count else { throw Failure("asset count") }
        var bytes = be(UInt16(1)) + short(exchange) + be(epoch) + headerHash + be(UInt16(rows.count))
        var unchecked = 0
        for (at, row) in rows.enumerated() {
            let fields = try dictionary(row)
            let asset = Asset(symbol: try string(fields["symbol"]), scale: Int(try integer(fields["scale"])))
            guard asset == header.assets[at] else { throw Failure("assets") }
            let source = try string(fields["source"])
            guard source == "chain" || source == "configured" else { throw Failure("source") }
            let owned = try amount(fields["exchangeOwned"], scale: asset.scale)
            guard owned <= header.rootSums[at] else { throw Failure("exchange's own above liabilities") }
            let wallets = try list(fields["wallets"])
            bytes += short(asset.symbol) + [UInt8(asset.scale), source == "chain" ? 1 : 0] + be(owned) + be(UInt16(wallets.count))
            var total: UInt128 = 0
            var addresses: Set<String> = []
            for wallet in wallets {
                let entry = try dictionary(wallet)
                let name = try string(entry["wallet"]), address = try string(entry["address"])
                guard addresses.insert(address).inserted else { throw Failure("address counted twice") }
                let balance = try amount(entry["balance"], scale: asset.scale)
                let height = try integer(entry["height"])
                let block = try hex(entry["blockHash"], 32)
                let scheme = try string(entry["scheme"])
                guard let key = hexBytes(try string(entry["publicKey"])),
                      let signature = hexBytes(try string(entry["signature"])) else { throw Failure("key or signature hex") }
                total += balance
                bytes += short(name) + short(address) + be(UInt64(balance)) + be(height) + block + short(scheme)
                bytes += [UInt8(key.count)] + key + [UInt8(signature.count)] + signature
                let challenge = "solvent-reserves-v1 exchange=\(exchange) epoch=\(epoch) previous=\(hexText(header.previousHeaderHash))"
                    + " asset=\(asset.symbol) wallet=\(name) address=\(address) balance=\(balance) height=\(height) block=\(hexText(block))"
                switch scheme {
                case "solvent-sim-ed25519":
                    guard address == "sim1" + hexText(Array(SHA256.hash(data: key).prefix(20))) else { throw Failure("address of key") }
                    guard try Curve25519.Signing.PublicKey(rawRepresentation: key)
                        .isValidSignature(signature, for: Array(challenge.utf8)) else { throw Failure("wallet signature") }
                case "bitcoin-message":
                    guard key.isEmpty, signature.count == 65 else { throw Failure("bitcoin-message entry") }
                    unchecked += 1
                default:
                    throw Failure("scheme \(scheme)")
                }
            }
            if source == "chain" {
                guard !wallets.isEmpty, total == header.reserves[at] else { throw Failure("\(asset.symbol) reserves") }
            } else {
                guard wallets.isEmpty else { throw Failure("configured with wallets") }
            }
        }
        let keyId = try hex(object["keyId"], 8)
        guard keyId == Array(SHA256.hash(data: publicKey).prefix(8)) else { throw Failure("key id") }
        bytes += keyId
        let signature = try hex(object["signature"], 64)
        guard try Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
            .isValidSignature(signature, for: Array("solvent-por-attestation-signature-v1".utf8) + bytes) else {
            throw Failure("attestation signature")
        }
        return unchecked
    }

    static func hexText(_ bytes: [UInt8]) -> String {
        bytes.map { String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }.joined()
    }
}
