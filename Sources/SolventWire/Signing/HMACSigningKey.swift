import Crypto
import Foundation

/// An HMAC-SHA256 secret made ready once, when its key is installed: swift-crypto's `HMAC`
/// keyed with it (the key's pads already absorbed), copied for each request, so a check costs
/// the two hash passes over its payload and no key object or MAC array is built per request.
public struct HMACSigningKey: @unchecked Sendable {
    // @unchecked: `HMAC` is a value type that swift-crypto does not mark Sendable; its hashing
    // contexts are copied before a copy is updated, so concurrent requests never share one.
    private let keyed: HMAC<SHA256>

    public static let macByteCount = 32

    public init(secret: [UInt8]) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: secret))
    }

    /// Whether `hex` (either case, 64 digits) is the MAC of the three runs of `parts`. The hex is
    /// decoded first, so a malformed signature costs no hashing; the MACs are compared by
    /// swift-crypto, in constant time.
    public func verifies(hex: UnsafeBufferPointer<UInt8>,
                         parts: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer)) -> Bool {
        guard hex.count == 2 * Self.macByteCount else { return false }
        var expected = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let decodedAll = withUnsafeMutableBytes(of: &expected) { Hex.decode(hex, into: $0) }
        guard decodedAll else { return false }
        let mac = self.mac(parts)
        return withUnsafeBytes(of: expected) { mac == $0 }
    }

    /// HMAC-SHA256 of the runs, concatenated.
    func mac(_ parts: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer))
        -> HashedAuthenticationCode<SHA256> {
        var hmac = keyed
        hmac.update(data: parts.0)
        hmac.update(data: parts.1)
        hmac.update(data: parts.2)
        return hmac.finalize()
    }
}
