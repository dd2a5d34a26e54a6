import Crypto

/// HMAC-SHA256 (RFC 2104) with the key's two pad blocks absorbed once, so that a key used for
/// millions of messages (the padding key, the shuffle key, the master secret) costs two SHA-256
/// compressions per message instead of four. Matches swift-crypto's `HMAC<SHA256>` byte for byte
/// (a test checks it).
struct KeyedHash {
    private static let blockLength = 64
    private let inner: Crypto.SHA256
    private let outer: Crypto.SHA256

    /// `key` is at most one block (every key here is 32 bytes).
    init(key: UnsafeRawBufferPointer) {
        precondition(key.count <= Self.blockLength, "keys longer than a block are not used here")
        var innerPad = [UInt8](repeating: 0x36, count: Self.blockLength)
        var outerPad = [UInt8](repeating: 0x5C, count: Self.blockLength)
        for (at, byte) in key.enumerated() {
            innerPad[at] ^= byte
            outerPad[at] ^= byte
        }
        var inner = Crypto.SHA256()
        innerPad.withUnsafeBytes { inner.update(bufferPointer: $0) }
        var outer = Crypto.SHA256()
        outerPad.withUnsafeBytes { outer.update(bufferPointer: $0) }
        self.inner = inner
        self.outer = outer
    }

    init(key: Hash256) {
        self = key.bytes.withUnsafeBytes { KeyedHash(key: $0) }
    }

    func authenticationCode(_ message: UnsafeRawBufferPointer) -> Hash256 {
        var innerHash = inner
        innerHash.update(bufferPointer: message)
        let innerDigest = innerHash.finalize()
        var outerHash = outer
        innerDigest.withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return Hash256(outerHash.finalize())
    }

    func authenticationCode(_ message: [UInt8]) -> Hash256 {
        message.withUnsafeBytes { authenticationCode($0) }
    }

    /// HMAC of `label ‖ number` (big-endian): the shape of every derivation in this module.
    func authenticationCode(label: [UInt8], _ number: UInt64) -> Hash256 {
        var message = label
        message.appendBigEndian(number)
        return authenticationCode(message)
    }
}

/// SHA-256 of a buffer in one call.
@inline(__always)
func sha256(_ bytes: UnsafeRawBufferPointer) -> Hash256 {
    var hasher = Crypto.SHA256()
    hasher.update(bufferPointer: bytes)
    return Hash256(hasher.finalize())
}
