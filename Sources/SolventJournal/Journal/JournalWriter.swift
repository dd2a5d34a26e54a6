import SolventCore

/// Appends framed records to the newest segment and makes them durable with one fdatasync per
/// group commit. Used by the committer's thread only. A failure is final: the writer is not
/// used again, since after a failed fsync nobody knows what reached the disk.
final class JournalWriter {
    let fileSystem: any FileSystem
    let directory: String
    let segmentSizeLimit: Int
    private var file: OpenFile
    private var segmentPath: String
    private var segmentLength: Int
    private var unsyncedBytes = 0
    /// Bytes made durable since start.
    private(set) var bytesCommitted: UInt64 = 0

    /// Continues the recovered tail segment, or starts a segment at `nextSequence`.
    ///
    /// The tail is synced (with its directory entry) before anything is appended: records a
    /// crashed process wrote but never synced can survive in the page cache, recovery replays
    /// them, and a snapshot or an acknowledgement may soon depend on them; a power cut must not
    /// take them away afterwards.
    init(directory: String, fileSystem: any FileSystem, tail: (name: String, length: Int)?, nextSequence: UInt64,
         segmentSizeLimit: Int) throws(FileSystemError) {
        self.fileSystem = fileSystem
        self.directory = directory
        self.segmentSizeLimit = segmentSizeLimit
        if let tail {
            segmentPath = JournalFiles.path(directory, tail.name)
            segmentLength = tail.length
            file = try fileSystem.openForAppend(segmentPath)
            try fileSystem.sync(file)
            try fileSystem.syncDirectory(directory)
        } else {
            (file, segmentPath) = try Self.startSegment(at: nextSequence, directory, fileSystem)
            segmentLength = 0
        }
    }

    deinit {
        fileSystem.close(file)
    }

    /// Writes framed records whose first is `firstSequence`, starting a new segment first if
    /// the current one is full. Not durable until `sync()`.
    func write(_ records: [UInt8], firstSequence: UInt64) throws(FileSystemError) {
        guard !records.isEmpty else { return }
        if segmentLength >= segmentSizeLimit { try roll(first: firstSequence) }
        try fileSystem.writeAll(file, records, path: segmentPath)
        segmentLength += records.count
        unsyncedBytes += records.count
    }

    /// Makes everything written so far durable (one fdatasync).
    func sync() throws(FileSystemError) {
        guard unsyncedBytes > 0 else { return }
        try fileSystem.sync(file)
        bytesCommitted += UInt64(unsyncedBytes)
        unsyncedBytes = 0
    }

    /// Syncs and closes the full segment and starts the next one.
    private func roll(first: UInt64) throws(FileSystemError) {
        try fileSystem.sync(file)
        fileSystem.close(file)
        (file, segmentPath) = try Self.startSegment(at: first, directory, fileSystem)
        segmentLength = 0
    }

    private static func startSegment(at sequence: UInt64, _ directory: String,
                                     _ fileSystem: any FileSystem) throws(FileSystemError) -> (OpenFile, String) {
        let path = JournalFiles.path(directory, JournalFiles.segmentName(firstSequence: sequence))
        let file = try fileSystem.create(path, exclusive: true)
        try fileSystem.syncDirectory(directory)
        return (file, path)
    }
}
