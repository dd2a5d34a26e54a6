import SolventJournal

/// What a power cut adds to a kill: the page cache is gone, so bytes written after the last
/// fdatasync may be missing, up to any byte. The journal syncs before it acknowledges, so only
/// bytes after the last acknowledged record may go; this cuts the newest segment at a random
/// byte past that record, often mid-record, leaving a torn tail for recovery to handle.
struct PowerLoss {
    let directory: String
    let fileSystem = POSIXFileSystem()

    /// Cuts the newest segment somewhere after record `acknowledged`; returns the bytes dropped.
    func cut(keepingThrough acknowledged: UInt64, using random: inout SeededRandom) throws -> Int {
        guard let newest = try fileSystem.list(directory).filter({ $0.hasPrefix("journal-") }).max() else { return 0 }
        let path = directory + "/" + newest
        let bytes = try fileSystem.read(path)
        let keep = endOfRecord(acknowledged, in: bytes)
        guard keep < bytes.count else { return 0 }
        let length = keep + random.below(bytes.count - keep)
        try fileSystem.truncate(path, to: length)
        return bytes.count - length
    }

    /// The offset just past record `sequence`, or 0 if the segment starts after it.
    private func endOfRecord(_ sequence: UInt64, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while case .record(let record, let end) = RecordFrame.read(buffer, at: offset), record.sequence <= sequence {
                offset = end
            }
            return offset
        }
    }
}
