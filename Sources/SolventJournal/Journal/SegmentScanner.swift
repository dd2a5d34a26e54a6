/// Reads the records of one segment file in order and classifies how it ends.
struct SegmentScanner {
    let path: String
    let bytes: [UInt8]

    /// How a scanned segment ends.
    enum End: Equatable {
        /// Every byte belongs to a valid record.
        case clean
        /// Valid records fill the first `dataLength` bytes and only zeros follow: space reserved
        /// ahead of the data (`SegmentReserve`), the clean end of a segment still being written.
        case reserved(dataLength: Int)
        /// The bytes from `offset` on are not a valid record. `intactAfter` says whether a valid
        /// later record follows in the same file: then this is not a torn tail but damage.
        case damaged(offset: Int, reason: String, intactAfter: Bool)
    }

    /// Calls `visit` with each record, which must carry `expected`, `expected + 1`, … .
    /// A frame with a good checksum but the wrong sequence is never a torn write: it throws.
    func scan(expected first: UInt64, visit: (JournalRecord) -> Void) throws(JournalError) -> End {
        try scanFrames(expected: first) { record, _ in
            visit(record)
            return true
        }
    }

    /// `scan`, also handing over each record's frame body (what the CRC protects, after the
    /// length and CRC: sequence ‖ time ‖ command), valid only during the call. The visitor
    /// returns false to stop early; the segment then counts as clean.
    func scanFrames(expected first: UInt64, visit: (JournalRecord, UnsafeRawBufferPointer) -> Bool)
        throws(JournalError) -> End {
        // withUnsafeBytes rethrows untyped errors, so the outcome is carried out as a Result.
        try bytes.withUnsafeBytes { buffer in scan(buffer, expected: first, visit: visit) }.get()
    }

    private func scan(_ buffer: UnsafeRawBufferPointer, expected first: UInt64,
                      visit: (JournalRecord, UnsafeRawBufferPointer) -> Bool) -> Result<End, JournalError> {
        var offset = 0
        var expected = first
        while offset < buffer.count {
            switch RecordFrame.read(bytes, at: offset) {
            case .record(let record, let end):
                guard record.sequence == expected else {
                    return .failure(.corrupt(path: path, offset: offset,
                                             reason: "record \(record.sequence) where \(expected) was expected"))
                }
                let body = UnsafeRawBufferPointer(rebasing: buffer[(offset + RecordFrame.prefixSize)..<end])
                guard visit(record, body) else { return .success(.clean) }
                expected += 1
                offset = end
            case .incomplete where SegmentReserve.starts(at: offset, in: buffer),
                 .corrupt where SegmentReserve.starts(at: offset, in: buffer):
                return .success(.reserved(dataLength: offset))
            case .incomplete:
                return .success(.damaged(offset: offset, reason: "incomplete record",
                                         intactAfter: Self.intactFrame(in: buffer, after: offset, from: expected)))
            case .corrupt(let reason):
                return .success(.damaged(offset: offset, reason: reason,
                                         intactAfter: Self.intactFrame(in: buffer, after: offset, from: expected)))
            }
        }
        return .success(.clean)
    }

    /// Whether any offset after `damage` starts a valid frame that could follow the good records.
    /// A record takes at least `bodyLengthMin` bytes, which bounds the sequences worth testing.
    private static func intactFrame(in buffer: UnsafeRawBufferPointer, after damage: Int, from expected: UInt64) -> Bool {
        let plausible = expected...(expected + UInt64(buffer.count / RecordFrame.bodyLengthMin) + 1)
        var offset = damage + 1
        while offset + RecordFrame.headerSize <= buffer.count {
            if RecordFrame.isIntact(buffer, at: offset, sequences: plausible) { return true }
            offset += 1
        }
        return false
    }
}
