import SolventCore

/// The bytes of one journal record on disk, all integers little-endian:
///
///     length   u32   bytes that follow the checksum (sequence + payload)
///     crc32c   u32   CRC-32C of the length field and of everything after the checksum
///     sequence u64
///     payload        time (i64) then the command's binary encoding (`Command.encode(to:)`)
///
/// The checksum covers the length too, so a damaged length is caught like damaged data.
public enum RecordFrame {
    static let prefixSize = 8
    static let headerSize = 16
    /// Sequence, time and at least a command tag.
    static let bodyLengthMin = 8 + 8 + 1
    /// Commands are a few hundred bytes at most; anything longer is damage, not data.
    static let bodyLengthMax = 64 * 1024

    /// Appends the framed record to `writer`.
    public static func append(sequence: UInt64, time: Timestamp, command: Command, to writer: inout BinaryWriter) {
        let start = writer.bytes.count
        writer.write(UInt32(0))
        writer.write(UInt32(0))
        writer.write(sequence)
        writer.write(time)
        command.encode(to: &writer)
        let bodyLength = writer.bytes.count - start - prefixSize
        writer.patch(UInt32(bodyLength), at: start)
        writer.patch(checksum(of: writer.bytes, frameAt: start, bodyLength: bodyLength), at: start + 4)
    }

    /// The result of reading one frame.
    public enum Read: Equatable {
        case record(JournalRecord, end: Int)
        /// The bytes end before the frame does: a torn write if it is the journal's tail.
        case incomplete
        case corrupt(String)
    }

    /// Reads the frame that starts at `offset`, decoding the command in place (no copy).
    public static func read(_ bytes: [UInt8], at offset: Int) -> Read {
        switch bytes.withUnsafeBytes({ check($0, at: offset) }) {
        case .intact(let sequence, let time, let end):
            decode(bytes[(offset + commandOffset)..<end], sequence: sequence, time: time, end: end)
        case .incomplete: .incomplete
        case .corrupt(let reason): .corrupt(reason)
        }
    }

    /// Reads the frame that starts at `offset` in raw memory.
    public static func read(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Read {
        switch check(bytes, at: offset) {
        case .intact(let sequence, let time, let end):
            decode(Array(bytes[(offset + commandOffset)..<end])[...], sequence: sequence, time: time, end: end)
        case .incomplete: .incomplete
        case .corrupt(let reason): .corrupt(reason)
        }
    }

    /// Where the command's bytes start within a frame: after the header and the time.
    private static let commandOffset = headerSize + 8

    private enum Check {
        case intact(sequence: UInt64, time: Timestamp, end: Int)
        case incomplete
        case corrupt(String)
    }

    /// Checks the length and checksum of the frame at `offset`.
    private static func check(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Check {
        guard bytes.count - offset >= headerSize else { return .incomplete }
        let bodyLength = Int(load(UInt32.self, bytes, offset))
        guard bodyLength >= bodyLengthMin && bodyLength <= bodyLengthMax else {
            return .corrupt("record length \(bodyLength) out of range")
        }
        let end = offset + prefixSize + bodyLength
        guard end <= bytes.count else { return .incomplete }
        guard load(UInt32.self, bytes, offset + 4) == checksum(of: bytes, frameAt: offset, bodyLength: bodyLength) else {
            return .corrupt("checksum mismatch")
        }
        return .intact(sequence: load(UInt64.self, bytes, offset + 8),
                       time: Timestamp(bitPattern: load(UInt64.self, bytes, offset + 16)), end: end)
    }

    private static func decode(_ command: ArraySlice<UInt8>, sequence: UInt64, time: Timestamp, end: Int) -> Read {
        var reader = BinaryReader(command)
        do {
            let command = try Command(from: &reader)
            try reader.expectEnd()
            return .record(JournalRecord(sequence: sequence, time: time, command: command), end: end)
        } catch {
            return .corrupt("checksum matches but the command does not decode (\(error)): written by another version?")
        }
    }

    /// Whether a frame with a good checksum and a sequence in `sequences` starts at `offset`:
    /// the cheap test used to tell torn tails from damage in the middle of a journal.
    static func isIntact(_ bytes: UnsafeRawBufferPointer, at offset: Int, sequences: ClosedRange<UInt64>) -> Bool {
        guard bytes.count - offset >= headerSize else { return false }
        let bodyLength = Int(load(UInt32.self, bytes, offset))
        guard bodyLength >= bodyLengthMin && bodyLength <= bodyLengthMax,
              offset + prefixSize + bodyLength <= bytes.count,
              sequences.contains(load(UInt64.self, bytes, offset + 8)) else { return false }
        return load(UInt32.self, bytes, offset + 4) == checksum(of: bytes, frameAt: offset, bodyLength: bodyLength)
    }

    private static func checksum(of bytes: UnsafeRawBufferPointer, frameAt offset: Int, bodyLength: Int) -> UInt32 {
        let length = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 4)]))
        let bodyStart = offset + prefixSize
        return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<(bodyStart + bodyLength)]),
                               continuing: length)
    }

    private static func checksum(of bytes: [UInt8], frameAt offset: Int, bodyLength: Int) -> UInt32 {
        bytes.withUnsafeBytes { checksum(of: $0, frameAt: offset, bodyLength: bodyLength) }
    }

    private static func load<Value: FixedWidthInteger>(_ type: Value.Type, _ bytes: UnsafeRawBufferPointer,
                                                       _ offset: Int) -> Value {
        Value(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Value.self))
    }
}
