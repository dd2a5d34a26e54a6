import SolventCommandLine
import SolventJournal

/// What a power cut adds to a kill: the page cache is gone, so bytes written after the last
/// fdatasync may be missing, up to any byte. The journal syncs before it acknowledges, so only
/// bytes after the last acknowledged record may go; this drops the newest segment's data from a
/// random byte past that record, often mid-record, leaving a torn tail for recovery to handle.
///
/// The newest segment usually ends in reserved space (zeros past its data). Unsynced data
/// written there may come back as zeros with the file's size unchanged (the reserve survived)
/// or be cut with the file (it did not): both are simulated.
struct PowerLoss {
    let directory: String
    let fileSystem = POSIXFileSystem()

    /// Drops data of the newest segment somewhere after record `acknowledged`; returns the bytes
    /// of data dropped.
    func cut(keepingThrough acknowledged: UInt64, using random: inout SeededRandom) throws -> Int {
        guard let newest = try fileSystem.list(directory).filter({ $0.hasPrefix("journal-") }).max() else { return 0 }
        let path = directory + "/" + newest
        let bytes = try fileSystem.read(path)
        let (keep, dataEnd) = ends(keepingThrough: acknowledged, in: bytes)
        guard keep < dataEnd else { return 0 }
        let length = keep + random.below(dataEnd - keep)
        if dataEnd < bytes.count && random.oneIn(2) {
            try zero(path, from: length, to: dataEnd)
        } else {
            try fileSystem.truncate(path, to: length)
        }
        return dataEnd - length
    }

    /// The offset just past record `sequence` (0 if the segment starts after it), and the end of
    /// the segment's data: past its last intact record, or of the file if garbage follows that.
    private func ends(keepingThrough sequence: UInt64, in bytes: [UInt8]) -> (keep: Int, dataEnd: Int) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            var keep = 0
            while case .record(let record, let end) = RecordFrame.read(buffer, at: offset) {
                if record.sequence <= sequence { keep = end }
                offset = end
            }
            return (keep, SegmentReserve.starts(at: offset, in: buffer) ? offset : buffer.count)
        }
    }

    /// Overwrites `start..<end` with zeros, durably: unsynced writes into reserved space lost.
    private func zero(_ path: String, from start: Int, to end: Int) throws {
        let file = try fileSystem.openForWriting(path)
        defer { fileSystem.close(file) }
        try fileSystem.writeAll(file, [UInt8](repeating: 0, count: end - start), at: start, path: path)
        try fileSystem.sync(file)
    }
}
