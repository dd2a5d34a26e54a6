import Crypto

/// A 32-byte SHA-256 or HMAC-SHA256 value, stored inline (no heap) so trees and proofs can hold
/// millions of them cheaply. Printed and parsed as 64 lowercase hex characters.
public struct Hash256: Hashable, Sendable, CustomStringConvertible {
    public static let byteCount = 32
    public static let zero = Hash256(words: (0, 0, 0, 0))

    // Four big-endian words: byte order in memory is irrelevant, `bytes` is the canonical form.
    private var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        (w0, w1, w2, w3) = words
    }

    /// The hash whose bytes are `raw`; `raw` must hold exactly 32 bytes.
    public init(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count == Self.byteCount, "a Hash256 is 32 bytes")
        w0 = Self.word(raw, 0); w1 = Self.word(raw, 8); w2 = Self.word(raw, 16); w3 = Self.word(raw, 24)
    }

    /// The hash whose bytes are `bytes`, or nil when there are not exactly 32.
    /// The 32 bytes at `source`.
    @inline(__always)
    init(loadingFrom source: UnsafeRawPointer) {
        w0 = UInt64(bigEndian: source.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        w1 = UInt64(bigEndian: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        w2 = UInt64(bigEndian: source.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        w3 = UInt64(bigEndian: source.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self = bytes.withUnsafeBytes { Hash256($0) }
    }

    init(_ digest: SHA256Digest) {
        self = digest.withUnsafeBytes { Hash256($0) }
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount)
        for word in [w0, w1, w2, w3] { out.appendBigEndian(word) }
        return out
    }

    /// Writes the 32 bytes at `destination`.
    @inline(__always)
    func store(to destination: UnsafeMutableRawPointer) {
        destination.storeBytes(of: w0.bigEndian, toByteOffset: 0, as: UInt64.self)
        destination.storeBytes(of: w1.bigEndian, toByteOffset: 8, as: UInt64.self)
        destination.storeBytes(of: w2.bigEndian, toByteOffset: 16, as: UInt64.self)
        destination.storeBytes(of: w3.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The four big-endian words of the hash (what a random stream draws from it).
    var words: (UInt64, UInt64, UInt64, UInt64) { (w0, w1, w2, w3) }

    public var hex: String { Hex.encode(bytes) }
    public var description: String { hex }

    @inline(__always)
    private static func word(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
