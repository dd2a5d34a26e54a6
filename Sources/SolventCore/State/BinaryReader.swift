/// Why bytes could not be read back as what the schema says they are.
///
/// Journals and snapshots come from disk, where a torn write or a bad sector is a fact of life, so
/// corrupt input is an error the caller handles, never a trap.
public enum BinaryDecodingError: Error, Hashable, Sendable {
    /// The input ended inside a value that starts at `offset`.
    case truncated(offset: Int)
    /// The bytes at `offset` are complete but are no valid `what` (a Bool of 2, an unknown tag…).
    case invalidValue(offset: Int, what: String)
}

/// A value that can be rebuilt from its `BinaryEncodable` form.
public protocol BinaryDecodable {
    init(from reader: inout BinaryReader) throws(BinaryDecodingError)
}

/// Reads values in the format `BinaryWriter` produces, front to back.
///
/// Every read checks the remaining length first, so a short or corrupt input throws; in particular
/// a length prefix is never trusted to size an allocation before the bytes it promises are there.
public struct BinaryReader: Sendable {
    private let bytes: ArraySlice<UInt8>
    /// How many bytes have been consumed; error offsets are counted the same way.
    public private(set) var offset: Int

    public init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    /// A reader over `bytes`; offsets count from the slice's start, not its parent array's.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = 0
    }

    /// Bytes not read yet.
    public var remainingCount: Int { bytes.count - offset }

    public var isAtEnd: Bool { remainingCount == 0 }

    /// Throws unless everything has been read; a record with bytes left over is not the record it claims.
    public func expectEnd() throws(BinaryDecodingError) {
        guard isAtEnd else { throw .invalidValue(offset: offset, what: "end of input") }
    }

    public mutating func readUInt8() throws(BinaryDecodingError) -> UInt8 {
        try readLittleEndian()
    }

    public mutating func readUInt16() throws(BinaryDecodingError) -> UInt16 {
        try readLittleEndian()
    }

    public mutating func readUInt32() throws(BinaryDecodingError) -> UInt32 {
        try readLittleEndian()
    }

    public mutating func readUInt64() throws(BinaryDecodingError) -> UInt64 {
        try readLittleEndian()
    }

    public mutating func readInt32() throws(BinaryDecodingError) -> Int32 {
        Int32(bitPattern: try readLittleEndian())
    }

    public mutating func readInt64() throws(BinaryDecodingError) -> Int64 {
        Int64(bitPattern: try readLittleEndian())
    }

    public mutating func readBool() throws(BinaryDecodingError) -> Bool {
        let start = offset
        switch try readUInt8() {
        case 0: return false
        case 1: return true
        default: throw .invalidValue(offset: start, what: "Bool")
        }
    }

    /// A length-prefixed UTF-8 string of at most `lengthMax` bytes. The limit comes from the schema
    /// (a client order id is at most 36), so a corrupt prefix fails here instead of reading on.
    public mutating func readString(lengthMax: Int) throws(BinaryDecodingError) -> String {
        precondition(lengthMax >= 0, "a string length limit cannot be negative")
        let start = offset
        let length = try readUInt32()
        guard UInt64(length) <= UInt64(lengthMax) else { throw .invalidValue(offset: start, what: "String length") }
        let utf8 = try take(Int(length), valueStart: start)
        guard let string = String(validating: utf8, as: UTF8.self) else {
            throw .invalidValue(offset: start, what: "UTF-8")
        }
        return string
    }

    /// Bytes written by `BinaryWriter.write(bytes:)`, at most `lengthMax` of them.
    public mutating func readBytes(lengthMax: Int) throws(BinaryDecodingError) -> [UInt8] {
        precondition(lengthMax >= 0, "a length limit cannot be negative")
        let start = offset
        let length = try readUInt32()
        guard UInt64(length) <= UInt64(lengthMax) else { throw .invalidValue(offset: start, what: "byte count") }
        return Array(try take(Int(length), valueStart: start))
    }

    /// `count` bytes written by `BinaryWriter.write(fixedBytes:)`.
    public mutating func readBytes(count: Int) throws(BinaryDecodingError) -> [UInt8] {
        Array(try take(count, valueStart: offset))
    }

    /// A one-byte enum tag written by `BinaryWriter.writeEnum`; an unknown tag is invalid, not a trap.
    public mutating func readEnum<Tag: RawRepresentable>(
        _ type: Tag.Type
    ) throws(BinaryDecodingError) -> Tag where Tag.RawValue == UInt8 {
        let start = offset
        guard let value = Tag(rawValue: try readUInt8()) else {
            throw .invalidValue(offset: start, what: "\(Tag.self)")
        }
        return value
    }

    /// Any decodable value, by its own `init(from:)`.
    public mutating func read<Value: BinaryDecodable>(_ type: Value.Type) throws(BinaryDecodingError) -> Value {
        try Value(from: &self)
    }

    /// A value written by `BinaryWriter.writeOptional`.
    public mutating func readOptional<Value: BinaryDecodable>(
        _ type: Value.Type
    ) throws(BinaryDecodingError) -> Value? {
        try readBool() ? try Value(from: &self) : nil
    }

    /// A string written by `BinaryWriter.writeOptional`.
    public mutating func readOptionalString(lengthMax: Int) throws(BinaryDecodingError) -> String? {
        try readBool() ? try readString(lengthMax: lengthMax) : nil
    }

    /// The next `count` bytes, after checking they are there; `valueStart` is where the value
    /// they belong to began, which is what a truncation error reports.
    private mutating func take(_ count: Int, valueStart: Int) throws(BinaryDecodingError) -> ArraySlice<UInt8> {
        guard count <= remainingCount else { throw .truncated(offset: valueStart) }
        let start = bytes.startIndex + offset
        offset += count
        return bytes[start..<start + count]
    }

    private mutating func readLittleEndian<Value: FixedWidthInteger & UnsignedInteger>(
    ) throws(BinaryDecodingError) -> Value {
        let chunk = try take(MemoryLayout<Value>.size, valueStart: offset)
        return chunk.withUnsafeBytes { Value(littleEndian: $0.loadUnaligned(as: Value.self)) }
    }
}

extension UInt8: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readUInt8() }
}

extension UInt16: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readUInt16() }
}

extension UInt32: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readUInt32() }
}

extension UInt64: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readUInt64() }
}

extension Int32: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readInt32() }
}

extension Int64: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readInt64() }
}

extension Bool: BinaryDecodable {
    public init(from reader: inout BinaryReader) throws(BinaryDecodingError) { self = try reader.readBool() }
}
