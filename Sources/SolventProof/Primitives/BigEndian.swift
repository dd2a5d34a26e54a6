/// Fixed-width big-endian encoding: the one byte order of every hashed or signed field.
extension Array where Element == UInt8 {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        var big = value.bigEndian
        Swift.withUnsafeBytes(of: &big) { append(contentsOf: $0) }
    }

    mutating func append(_ hash: Hash256) {
        append(contentsOf: hash.bytes)
    }

    /// A length byte, then the bytes: names are short (≤ `ProofFormat.nameLengthMax`).
    mutating func appendShortString(_ text: String) {
        let utf8 = Array(text.utf8)
        precondition(utf8.count <= Int(UInt8.max), "short strings are at most 255 bytes")
        append(UInt8(utf8.count))
        append(contentsOf: utf8)
    }

    /// A length byte, then the bytes: byte strings under 256 bytes (keys, signatures).
    mutating func appendShortBytes(_ bytes: [UInt8]) {
        precondition(bytes.count <= Int(UInt8.max), "short byte strings are at most 255 bytes")
        append(UInt8(bytes.count))
        append(contentsOf: bytes)
    }
}

extension UnsafeMutableRawPointer {
    /// Stores `value` big-endian at `offset` and returns the offset just past it.
    @inline(__always)
    func storeBigEndian<T: FixedWidthInteger>(_ value: T, at offset: Int) -> Int {
        storeBytes(of: value.bigEndian, toByteOffset: offset, as: T.self)
        return offset + MemoryLayout<T>.size
    }
}
