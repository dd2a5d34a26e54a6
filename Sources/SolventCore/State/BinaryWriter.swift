/// A value with a stable binary form, for the command journal and state snapshots.
///
/// The form is part of the on-disk format: once released, an encoding may only be extended under
/// a new version tag, never changed, or old journals would replay into a different state.
public protocol BinaryEncodable {
    func encode(to writer: inout BinaryWriter)
}

/// Appends values in the journal's binary format: fixed-width little-endian integers, no padding,
/// no self-description. Fixed widths keep the format identical on every platform and make
/// offsets predictable; the reader knows the schema, so nothing needs to be tagged.
public struct BinaryWriter: Sendable {
    /// Everything written since the last `reset()`.
    public private(set) var bytes: [UInt8]

    public init() {
        bytes = []
    }

    /// A writer whose buffer starts with room for `capacity` bytes.
    public init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer but keeps its storage, so one writer can serve many records.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Overwrites four already-written bytes at `offset`: a length or checksum known only once
    /// what follows it is written.
    public mutating func patch(_ value: UInt32, at offset: Int) {
        precondition(offset >= 0 && offset + 4 <= bytes.count, "patch outside the written bytes")
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<4 { bytes[offset + index] = raw[index] }
        }
    }

    public mutating func write(_ value: UInt8) {
        bytes.append(value)
    }

    public mutating func write(_ value: UInt16) {
        writeLittleEndian(value)
    }

    public mutating func write(_ value: UInt32) {
        writeLittleEndian(value)
    }

    public mutating func write(_ value: UInt64) {
        writeLittleEndian(value)
    }

    /// Two's complement, as the `UInt32` with the same bits.
    public mutating func write(_ value: Int32) {
        writeLittleEndian(UInt32(bitPattern: value))
    }

    /// Two's complement, as the `UInt64` with the same bits.
    public mutating func write(_ value: Int64) {
        writeLittleEndian(UInt64(bitPattern: value))
    }

    /// One byte, 0 or 1; the reader refuses anything else.
    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// A `UInt32` byte count, then the UTF-8 bytes.
    public mutating func write(_ value: String) {
        let utf8 = value.utf8
        precondition(utf8.count <= Int(UInt32.max), "string of \(utf8.count) bytes is too long to encode")
        writeLittleEndian(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// A `UInt32` byte count, then the bytes.
    public mutating func write(bytes value: [UInt8]) {
        precondition(value.count <= Int(UInt32.max), "\(value.count) bytes are too many to encode")
        writeLittleEndian(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    /// Bytes whose count the schema fixes (a digest), without a count.
    public mutating func write(fixedBytes value: [UInt8]) {
        bytes.append(contentsOf: value)
    }

    /// An enum as its one-byte tag; read back with `BinaryReader.readEnum`.
    public mutating func writeEnum<Tag: RawRepresentable>(_ value: Tag) where Tag.RawValue == UInt8 {
        bytes.append(value.rawValue)
    }

    /// Any encodable value, by its own `encode(to:)`.
    public mutating func write(_ value: some BinaryEncodable) {
        value.encode(to: &self)
    }

    /// A presence byte (0 absent, 1 present), then the value if there is one.
    public mutating func writeOptional(_ value: (some BinaryEncodable)?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// A presence byte, then the string if there is one.
    public mutating func writeOptional(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    private mutating func writeLittleEndian(_ value: some FixedWidthInteger & UnsignedInteger) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

extension UInt8: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
}

extension UInt16: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
}

extension UInt32: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
}

extension UInt64: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
}

extension Int32: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
}

extension Int64: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
}

extension Bool: BinaryEncodable {
    public func encode(to writer: inout BinaryWriter) { writer.write(self) }
}
