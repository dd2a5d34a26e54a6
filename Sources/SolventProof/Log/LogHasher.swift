import Crypto

/// The hashing of RFC 9162 §2.1.1 (the same as RFC 6962 §2.1), with SHA-256:
///
///     leaf  = SHA-256(0x00 ‖ data)
///     node  = SHA-256(0x01 ‖ left ‖ right)
///     empty = SHA-256()            the root of a log with no entries
///
/// The prefixes keep a leaf from ever passing for a node (second-preimage defence).
public enum LogHasher {
    static let leafPrefix: UInt8 = 0x00
    static let nodePrefix: UInt8 = 0x01

    /// The root of the empty log: SHA-256 of nothing.
    public static let emptyRoot = digest(SHA256())

    public static func leaf(_ data: UnsafeRawBufferPointer) -> LogHash {
        var hasher = SHA256()
        withUnsafeBytes(of: leafPrefix) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: data)
        return digest(hasher)
    }

    public static func leaf(_ data: [UInt8]) -> LogHash {
        data.withUnsafeBytes { leaf($0) }
    }

    public static func node(_ left: LogHash, _ right: LogHash) -> LogHash {
        var hasher = SHA256()
        withUnsafeBytes(of: nodePrefix) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: left) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: right) { hasher.update(bufferPointer: $0) }
        return digest(hasher)
    }

    private static func digest(_ hasher: SHA256) -> LogHash {
        hasher.finalize().withUnsafeBytes { LogHash($0, at: 0) }
    }
}
