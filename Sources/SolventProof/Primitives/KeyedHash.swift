import Crypto

/// HMAC-SHA256 (RFC 2104) with the key's two pad blocks absorbed once, so that a key used for
/// millions of messages (the padding key, the shuffle key, the master secret) costs two SHA-256
/// compressions per message instead of four. Matches swift-crypto's `HMAC<SHA256>` byte for byte
/// (a test checks it).
struct KeyedHash {
    private static let blockLength = 64
    private let inner: Crypto.SHA256
    private let outer: Crypto.SHA256

    init(key: Hash256) {
        (inner, outer) = Self.paddedHashers(key)
    }

    /// Hashers that have absorbed `key ⊕ ipad` and `key ⊕ opad` (the pads live on the stack).
    private static func paddedHashers(_ key: Hash256) -> (Crypto.SHA256, Crypto.SHA256) {
        withUnsafeTemporaryAllocation(byteCount: 2 * blockLength, alignment: 8) { pads in
            let base = pads.baseAddress!
            key.store(to: base)
            key.store(to: base + blockLength)
            for at in 0..<blockLength {
                let keyByte = at < Hash256.byteCount ? base.load(fromByteOffset: at, as: UInt8.self) : 0
                base.storeBytes(of: keyByte ^ 0x36, toByteOffset: at, as: UInt8.self)
                base.storeBytes(of: keyByte ^ 0x5C, toByteOffset: blockLength + at, as: UInt8.self)
            }
            var inner = Crypto.SHA256()
            inner.update(bufferPointer: UnsafeRawBufferPointer(start: base, count: blockLength))
            var outer = Crypto.SHA256()
            outer.update(bufferPointer: UnsafeRawBufferPointer(start: base + blockLength, count: blockLength))
            return (inner, outer)
        }
    }

    /// HMAC under a key used once (the per-user keys): nothing to amortize, so the pads go
    /// straight into two fresh hashers instead of being copied from prepared ones.
    static func authenticationCode(key: Hash256, label: [UInt8], _ number: UInt64) -> Hash256 {
        var (inner, outer) = paddedHashers(key)
        withLabelled(label, number) { inner.update(bufferPointer: $0) }
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return Hash256(outer.finalize())
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
        Self.withLabelled(label, number) { authenticationCode($0) }
    }

    /// Calls `body` with `label ‖ number` (big-endian) in a stack buffer.
    private static func withLabelled<T>(_ label: [UInt8], _ number: UInt64,
                                        _ body: (UnsafeRawBufferPointer) -> T) -> T {
        withUnsafeTemporaryAllocation(byteCount: label.count + 8, alignment: 8) { buffer in
            let base = buffer.baseAddress!
            label.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: label.count) }
            _ = base.storeBigEndian(number, at: label.count)
            return body(UnsafeRawBufferPointer(buffer))
        }
    }
}

/// SHA-256 of a buffer in one call.
@inline(__always)
func sha256(_ bytes: UnsafeRawBufferPointer) -> Hash256 {
    var hasher = Crypto.SHA256()
    hasher.update(bufferPointer: bytes)
    return Hash256(hasher.finalize())
}
