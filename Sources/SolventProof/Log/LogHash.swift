/// One SHA-256 digest in the journal's Merkle log: a leaf hash, an interior node or a root.
///
/// Held as four words so that a million of them are one flat array with no allocation per
/// hash. The words are raw memory, not numbers: `bytes` gives back exactly the 32 bytes the
/// hash function produced, whatever the machine's byte order.
public struct LogHash: Hashable, Sendable {
    public static let byteCount = 32

    private var w0: UInt64 = 0
    private var w1: UInt64 = 0
    private var w2: UInt64 = 0
    private var w3: UInt64 = 0

    /// The hash whose bytes are `bytes`; nil unless exactly 32 bytes.
    public init?<Bytes: Collection<UInt8>>(bytes: Bytes) {
        guard bytes.count == Self.byteCount else { return nil }
        withUnsafeMutableBytes(of: &self) { raw in
            for (offset, byte) in bytes.enumerated() { raw[offset] = byte }
        }
    }

    /// The hash stored at `buffer[offset..<offset + 32]`.
    public init(_ buffer: UnsafeRawBufferPointer, at offset: Int) {
        precondition(offset >= 0 && offset + Self.byteCount <= buffer.count, "a hash needs 32 bytes")
        withUnsafeMutableBytes(of: &self) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + Self.byteCount)]))
        }
    }

    public var bytes: [UInt8] {
        withUnsafeBytes(of: self) { Array($0) }
    }

    /// Lowercase hex, 64 characters: how the API and the CLI print hashes.
    public var hex: String {
        String(decoding: bytes.flatMap { [Self.digits[Int($0 >> 4)], Self.digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// Parses 64 lowercase hex digits (upper case is refused, so one hash has one spelling).
    public init?(hex text: String) {
        let characters = Array(text.utf8)
        guard characters.count == 2 * Self.byteCount else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        var index = 0
        while index < characters.count {
            guard let high = Self.value(characters[index]), let low = Self.value(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(bytes: bytes)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func value(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

extension LogHash: CustomStringConvertible {
    public var description: String { hex }
}
