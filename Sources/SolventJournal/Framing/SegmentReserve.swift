/// The zeros after a segment's last record: space the writer reserved ahead of its data
/// (`JournalWriter.reserveStep`) that no group commit has reached yet. Only the newest segment
/// keeps a reserve; older ones are cut to their data when the writer moves on.
///
/// A reserve is the clean end of the data, not damage, but only when every byte from the end of
/// the last valid record to the end of the file is zero: a frame always starts with a non-zero
/// length, so zeros followed by anything else are still damage (a torn record followed by zeros
/// is a torn tail; zeros followed by a valid record are damage in the middle).
public enum SegmentReserve {
    /// Whether `bytes` from `offset` to its end are all zero (true for an empty remainder).
    public static func starts(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        precondition(offset >= 0 && offset <= bytes.count, "offset \(offset) outside \(bytes.count) bytes")
        var index = offset
        // Eight bytes at a time: a reserve is megabytes long and every reader checks it.
        while index + 8 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] != 0 { return false }
            index += 1
        }
        return true
    }

    public static func starts(at offset: Int, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { starts(at: offset, in: $0) }
    }
}
