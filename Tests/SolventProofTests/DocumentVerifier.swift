import Crypto
import Foundation

/// A verifier written from PROOF-FORMAT.md alone, the way an outside auditor would: JSON through
/// Foundation, bytes and hashes by hand, swift-crypto only for SHA-256, HMAC and Ed25519. It does
/// not import SolventProof, so the document, not the module, is what it checks.
enum DocumentVerifier {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    struct Asset: Equatable {
        let symbol: String
        let scale: Int
    }

    struct Header {
        let epoch: UInt64
        let height: Int
        let exchange: String
        let assets: [Asset]
        let rootHash: [UInt8]
        let rootSums: [UInt128]
        let reserves: [UInt128]
        let previousHeaderHash: [UInt8]
        let hash: [UInt8]
    }

    /// Section "Verification", steps 1–4: the header's fields, canonical bytes, hash and signature.
    static func header(json: String, publicKey: [UInt8]) throws -> Header {
        let object = try dictionary(json)
        guard try integer(object["version"]) == 2 else { throw Failure("version") }
        let exchange = try string(object["exchange"])
        let epoch = try integer(object["epoch"])
        let height = Int(try integer(object["height"]))
        guard (2...48).contains(height) else { throw Failure("height") }
        let rows = try list(object["assets"])
        var bytes: [UInt8] = be(UInt16(2)) + short(exchange) + be(epoch) + (try hex(object["previousHeaderHash"], 32))
        bytes += be(try integer(object["snapshotTimeMs"])) + be(try integer(object["journalSize"]))
        bytes += try hex(object["journalRoot"], 32)
        bytes += be(UInt16(rows.count))
        var assets: [Asset] = []
        var liabilities: [UInt128] = []
        var reserves: [UInt128] = []
        for row in rows {
            let fields = try dictionary(row)
            let asset = Asset(symbol: try string(fields["symbol"]), scale: Int(try integer(fields["scale"])))
            assets.append(asset)
            bytes += short(asset.symbol) + [UInt8(asset.scale)]
            liabilities.append(try amount(fields["liabilities"], scale: asset.scale))
            reserves.append(try amount(fields["reserves"], scale: asset.scale))
        }
        let rootHash = try hex(object["rootHash"], 32)
        bytes += [UInt8(height)] + rootHash + liabilities.flatMap(be) + reserves.flatMap(be)
        let keyId = try hex(object["keyId"], 8)
        bytes += keyId
        guard keyId == Array(SHA256.hash(data: publicKey).prefix(8)) else { throw Failure("key id") }
        let signature = try hex(object["signature"], 64)
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        guard key.isValidSignature(signature, for: Array("solvent-pol-header-signature-v1".utf8) + bytes) else {
            throw Failure("signature")
        }
        let hash = Array(SHA256.hash(data: Array("solvent-pol-header-hash-v1".utf8) + bytes))
        return Header(epoch: epoch, height: height, exchange: exchange, assets: assets, rootHash: rootHash,
                      rootSums: liabilities, reserves: reserves, previousHeaderHash: try hex(object["previousHeaderHash"], 32),
                      hash: hash)
    }

    /// Steps 5–9: the proof belongs to the header, both leaves are the user's, both paths reach
    /// the root with its liabilities. Returns the user's balances.
    static func proof(json: String, header: Header, accountId: UInt64, secret: [UInt8]) throws -> [UInt128] {
        let object = try dictionary(json)
        guard try integer(object["version"]) == 2, try string(object["exchange"]) == header.exchange,
              try integer(object["epoch"]) == header.epoch, try hex(object["headerHash"], 32) == header.hash
        else { throw Failure("proof names another header") }
        let assets = try list(object["assets"]).map { row in
            let fields = try dictionary(row)
            return Asset(symbol: try string(fields["symbol"]), scale: Int(try integer(fields["scale"])))
        }
        guard assets == header.assets else { throw Failure("assets") }
        let leaves = try list(object["leaves"])
        guard leaves.count == 2 else { throw Failure("two leaves") }
        let commitment = hmac(secret, be(accountId))
        var total = [UInt128](repeating: 0, count: assets.count)
        for (share, value) in leaves.enumerated() {
            let leaf = try dictionary(value)
            let index = try integer(leaf["index"])
            guard index >> UInt64(header.height) == 0, index >> UInt64(header.height - 1) == UInt64(share) else {
                throw Failure("leaf \(share) outside its half")
            }
            let balances = try list(leaf["balances"]).enumerated().map { try amount($0.element, scale: assets[$0.offset].scale) }
            guard balances.count == assets.count, balances.allSatisfy({ $0 <= UInt128(UInt64.max) }) else {
                throw Failure("balances")
            }
            let input = [0x00] + Array("solvent-pol-leaf-v2".utf8) + be(header.epoch) + be(index) + commitment
                + balances.flatMap { be(UInt64($0)) }
            var hash = Array(SHA256.hash(data: input))
            guard hash == (try hex(leaf["hash"], 32)) else { throw Failure("leaf \(share) is not mine") }
            var sums = balances
            let path = try list(leaf["path"])
            guard path.count == header.height else { throw Failure("path length") }
            for (level, stepValue) in path.enumerated() {
                let step = try dictionary(stepValue)
                let sibling = try hex(step["hash"], 32)
                let siblingSums = try list(step["sums"]).enumerated().map { try amount($0.element, scale: assets[$0.offset].scale) }
                guard siblingSums.count == assets.count,
                      siblingSums.allSatisfy({ 64 + level >= 128 || $0 < UInt128(1) << UInt128(64 + level) })
                else { throw Failure("sibling sum out of range") }
                let mine = hash + sums.flatMap(be)
                let theirs = sibling + siblingSums.flatMap(be)
                let isRight = (index >> UInt64(level)) & 1 == 1
                hash = Array(SHA256.hash(data: [0x01, UInt8(level + 1)] + (isRight ? theirs + mine : mine + theirs)))
                sums = try zip(sums, siblingSums).map { pair in
                    let (sum, overflow) = pair.0.addingReportingOverflow(pair.1)
                    guard !overflow else { throw Failure("overflow") }
                    return sum
                }
            }
            guard hash == header.rootHash, sums == header.rootSums else { throw Failure("leaf \(share) misses the root") }
            total = zip(total, balances).map { $0 + $1 }
        }
        guard total.allSatisfy({ $0 <= UInt128(UInt64.max) }) else { throw Failure("balance overflow") }
        return total
    }

    // MARK: the document's encodings

    static func be<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    static func short(_ name: String) -> [UInt8] {
        [UInt8(name.utf8.count)] + Array(name.utf8)
    }

    static func hmac(_ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0, digits.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    static func dictionary(_ value: Any?) throws -> [String: Any] {
        if let text = value as? String {
            return try dictionary(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        }
        guard let object = value as? [String: Any] else { throw Failure("object expected") }
        return object
    }

    static func list(_ value: Any?) throws -> [Any] {
        guard let items = value as? [Any] else { throw Failure("list expected") }
        return items
    }

    static func string(_ value: Any?) throws -> String {
        guard let text = value as? String else { throw Failure("string expected") }
        return text
    }

    static func integer(_ value: Any?) throws -> UInt64 {
        guard let number = value as? NSNumber, let integer = UInt64(number.stringValue) else { throw Failure("integer expected") }
        return integer
    }

    static func hex(_ value: Any?, _ count: Int) throws -> [UInt8] {
        guard let bytes = hexBytes(try string(value)), bytes.count == count else { throw Failure("hex expected") }
        return bytes
    }

    /// A decimal string with exactly `scale` decimals: its digits without the point are the units.
    static func amount(_ value: Any?, scale: Int) throws -> UInt128 {
        let text = try string(value)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard scale == 0 ? parts.count == 1 : parts.count == 2 && parts[1].count == scale,
              let units = UInt128(parts.joined()), !(parts[0].count > 1 && parts[0].hasPrefix("0")) else {
            throw Failure("amount \(text)")
        }
        return units
    }
}
