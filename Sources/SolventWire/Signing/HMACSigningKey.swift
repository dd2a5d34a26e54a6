import Crypto

/// An HMAC-SHA256 secret made ready once, when its key is installed, so that checking a
/// request costs the two hash passes over its payload and nothing else: the key's inner and
/// outer pads are already absorbed (RFC 2104), and no key object, pad or MAC array is built per
/// request. The same arithmetic as swift-crypto's `HMAC<SHA256>`, which the tests check it
/// against.
public struct HMACSigningKey: @unchecked Sendable {
    // @unchecked: `SHA256` is a value type whose context is copied before any update of a shared
    // copy, so concurrent requests each hash on their own copy.
    private let inner: Crypto.SHA256
    private let outer: Crypto.SHA256

    public static let macByteCount = 32

    public init(secret: [UInt8]) {
        let blockSize = 64
        var key = secret.count > blockSize ? Array(Crypto.SHA256.hash(data: secret)) : secret
        key += [UInt8](repeating: 0, count: blockSize - key.count)
        var inner = Crypto.SHA256(), outer = Crypto.SHA256()
        inner.update(data: key.map { $0 ^ 0x36 })
        outer.update(data: key.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    /// Whether `hex` (either case, 64 digits) is the MAC of the three runs of `parts`. The hex is
    /// decoded first, so a malformed signature costs no hashing; the MAC comparison takes the same
    /// time wherever the first differing byte is.
    public func verifies(hex: UnsafeBufferPointer<UInt8>,
                         parts: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer)) -> Bool {
        guard hex.count == 2 * Self.macByteCount else { return false }
        var expected = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let decodedAll = withUnsafeMutableBytes(of: &expected) { Hex.decode(hex, into: $0) }
        guard decodedAll else { return false }
        let mac = self.mac(parts)
        return withUnsafeBytes(of: expected) { expected in
            mac.withUnsafeBytes { mac in
                var difference: UInt8 = 0
                for index in 0..<Self.macByteCount { difference |= expected[index] ^ mac[index] }
                return difference == 0
            }
        }
    }

    /// HMAC-SHA256 of the runs, concatenated.
    func mac(_ parts: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer)) -> Crypto.SHA256.Digest {
        var inner = inner
        inner.update(bufferPointer: parts.0)
        inner.update(bufferPointer: parts.1)
        inner.update(bufferPointer: parts.2)
        let innerDigest = inner.finalize()
        var outer = outer
        innerDigest.withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }
}
