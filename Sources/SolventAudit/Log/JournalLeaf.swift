import SolventCore
import SolventJournal
import SolventProof

/// What one journal record contributes to the journal's Merkle log.
///
/// The leaf data of the record with sequence s is exactly the bytes its frame protects with
/// the CRC, without the 8-byte length + CRC prefix (see `RecordFrame`):
///
///     sequence  u64 little-endian
///     time      i64 little-endian (ms since the Unix epoch, as the sequencer stamped it)
///     command   the command's binary encoding (`Command.encode(to:)`)
///
/// and leaf s − 1 of the log (0-based) is SHA-256(0x00 ‖ that data). An auditor recomputes it
/// from the journal files alone: for each frame, skip 8 bytes and hash `length` bytes. The
/// server hashes the same bytes by encoding the committed command again, which gives the
/// frame's bytes because the encoder is the one that wrote them.
package enum JournalLeaf {
    /// The leaf hash of a record, using `scratch` as the encoding buffer.
    package static func hash(sequence: UInt64, time: Timestamp, command: Command, scratch: inout BinaryWriter) -> LogHash {
        scratch.reset()
        scratch.write(sequence)
        scratch.write(time)
        command.encode(to: &scratch)
        return scratch.bytes.withUnsafeBytes { LogHasher.leaf($0) }
    }
}
