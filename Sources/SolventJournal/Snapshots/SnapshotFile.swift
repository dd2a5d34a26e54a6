import SolventCore

/// A snapshot on disk: the exchange state after the record `sequence`, all integers little-endian:
///
///     magic "SOLVSNAP", version u16, sequence u64, time i64, state length u64,
///     state (`encodedState()`), CRC-32C u32 of every byte before it
///
/// The state decoder validates everything again, so a snapshot with a lucky checksum still
/// cannot produce an engine whose invariants fail.
public struct SnapshotFile: Sendable {
    public var sequence: UInt64
    public var time: Timestamp
    public var state: [UInt8]

    static let magic = Array("SOLVSNAP".utf8)
    static let version: UInt16 = 1

    public init(sequence: UInt64, time: Timestamp, state: [UInt8]) {
        self.sequence = sequence
        self.time = time
        self.state = state
    }

    public func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: state.count + 64)
        for byte in Self.magic { writer.write(byte) }
        writer.write(Self.version)
        writer.write(sequence)
        writer.write(time)
        writer.write(UInt64(state.count))
        var bytes = writer.bytes + state
        let checksum = CRC32C.checksum(bytes)
        withUnsafeBytes(of: checksum.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Reads a snapshot file, checking its framing and checksum (not yet the state inside).
    public init(decoding bytes: [UInt8]) throws(SnapshotError) {
        let headerSize = Self.magic.count + 2 + 8 + 8 + 8
        guard bytes.count >= headerSize + 4 else { throw .damaged("shorter than a snapshot header") }
        let body = bytes[..<(bytes.count - 4)]
        let stored = bytes[(bytes.count - 4)...].withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
        guard CRC32C.checksum(body) == stored else { throw .damaged("checksum mismatch") }
        var reader = BinaryReader(body)
        do {
            for expected in Self.magic where try reader.readUInt8() != expected { throw SnapshotError.damaged("not a snapshot") }
            guard try reader.readUInt16() == Self.version else { throw SnapshotError.damaged("unknown version") }
            sequence = try reader.readUInt64()
            time = try reader.readInt64()
            guard try reader.readUInt64() == UInt64(body.count - headerSize) else {
                throw SnapshotError.damaged("state length does not match the file")
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw .damaged("header: \(error)")
        }
        state = Array(body[(body.startIndex + headerSize)...])
    }

    /// The exchange the state bytes describe.
    public func exchange() throws(SnapshotError) -> Exchange {
        do {
            return try Exchange(encodedState: state)
        } catch {
            throw .damaged("state does not decode: \(error)")
        }
    }
}

/// Why a snapshot file cannot be used.
public enum SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    case damaged(String)

    public var description: String {
        switch self {
        case .damaged(let reason): reason
        }
    }
}
