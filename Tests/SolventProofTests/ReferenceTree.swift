import Crypto
import SolventProof

/// The tree written from the specification alone (ProofFormat, TreeHasher's doc comment) with
/// swift-crypto's own HMAC and SHA-256, recursively and slowly: the fast builder must agree with
/// it byte for byte. Leaf positions come from the tree under test (the shuffle is tested apart).
struct ReferenceTree {
    let master: [UInt8]
    let epoch: UInt64
    let height: Int
    /// Balances by leaf slot; slots ≥ count are padding.
    let leaves: [(slot: UInt64, accountId: UInt64, balances: [UInt64])]
    let assetCount: Int

    func root() -> (hash: [UInt8], sums: [UInt128]) {
        node(level: height, index: 0)
    }

    func node(level: Int, index: UInt64) -> (hash: [UInt8], sums: [UInt128]) {
        let first = index << UInt64(level)
        guard first < UInt64(leaves.count) else {
            return (padding(level: level, index: index), [UInt128](repeating: 0, count: assetCount))
        }
        if level == 0 { return leaf(slot: index) }
        let left = node(level: level - 1, index: 2 * index)
        let right = node(level: level - 1, index: 2 * index + 1)
        var input: [UInt8] = [0x01, UInt8(level)]
        input += left.hash + left.sums.flatMap(Self.bigEndian) + right.hash + right.sums.flatMap(Self.bigEndian)
        let sums = zip(left.sums, right.sums).map { $0 + $1 }
        return (Array(SHA256.hash(data: input)), sums)
    }

    func leaf(slot: UInt64) -> (hash: [UInt8], sums: [UInt128]) {
        let entry = leaves.first { $0.slot == slot }!
        let userKey = Self.hmac(key: master, Array("user".utf8) + Self.bigEndian(entry.accountId))
        let epochKey = Self.hmac(key: userKey, Array("epoch".utf8) + Self.bigEndian(epoch))
        let commitment = Self.hmac(key: epochKey, Self.bigEndian(entry.accountId))
        var input: [UInt8] = [0x00] + Array("solvent-pol-leaf-v1".utf8)
        input += Self.bigEndian(epoch) + Self.bigEndian(slot) + commitment + entry.balances.flatMap(Self.bigEndian)
        return (Array(SHA256.hash(data: input)), entry.balances.map { UInt128($0) })
    }

    func padding(level: Int, index: UInt64) -> [UInt8] {
        let key = Self.hmac(key: master, Array("padding".utf8) + Self.bigEndian(epoch))
        return Self.hmac(key: key, [0x02, UInt8(level)] + Self.bigEndian(index))
    }

    static func hmac(key: [UInt8], _ message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
