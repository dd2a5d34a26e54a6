import SolventCore

/// Appends framed records to the newest segment and makes each batch durable with one write and
/// one fdatasync. Used by the sequencer's thread only. A failure is final: the writer is not
/// used again, since after a failed fsync nobody knows what reached the disk.
final class JournalWriter {
    let fileSystem: any FileSystem
    let directory: String
    let segmentSizeLimit: Int
    private var file: OpenFile
    private var segmentPath: String
    private var segmentLength: Int
    private var pending = BinaryWriter(capacity: 1 << 20)
    private var firstPending: UInt64?
    /// Bytes made durable since start.
    private(set) var bytesCommitted: UInt64 = 0

    /// Continues the recovered tail segment, or starts a segment at `nextSequence`.
    init(directory: String, fileSystem: any FileSystem, tail: (name: String, length: Int)?, nextSequence: UInt64,
         segmentSizeLimit: Int) throws(FileSystemError) {
        self.fileSystem = fileSystem
        self.directory = directory
        self.segmentSizeLimit = segmentSizeLimit
        if let tail {
            segmentPath = JournalFiles.path(directory, tail.name)
            segmentLength = tail.length
            file = try fileSystem.openForAppend(segmentPath)
        } else {
            (file, segmentPath) = try Self.startSegment(at: nextSequence, directory, fileSystem)
            segmentLength = 0
        }
    }

    deinit {
        fileSystem.close(file)
    }

    var hasPending: Bool { firstPending != nil }

    func append(sequence: UInt64, time: Timestamp, command: Command) {
        if firstPending == nil { firstPending = sequence }
        RecordFrame.append(sequence: sequence, time: time, command: command, to: &pending)
    }

    /// Writes and syncs everything appended since the last commit.
    func commit() throws(FileSystemError) {
        guard let first = firstPending else { return }
        if segmentLength >= segmentSizeLimit { try roll(first: first) }
        try fileSystem.writeAll(file, pending.bytes, path: segmentPath)
        try fileSystem.sync(file)
        segmentLength += pending.bytes.count
        bytesCommitted += UInt64(pending.bytes.count)
        pending.reset()
        firstPending = nil
    }

    /// Closes the full segment (already synced) and starts the next one.
    private func roll(first: UInt64) throws(FileSystemError) {
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
