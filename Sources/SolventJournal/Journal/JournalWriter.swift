import SolventCore

/// Writes framed records to the newest segment and makes them durable with one fdatasync per
/// group commit. Used by the committer's thread only. A failure is final: the writer is not
/// used again, since after a failed fsync nobody knows what reached the disk.
///
/// The segment's space is reserved ahead of its data (`reserveStep`), and each group commit is
/// written at the data's length inside it: a segment's file is longer than its data, the rest
/// being zeros, which every reader takes for the end of the data (`SegmentReserve`).
final class JournalWriter {
    /// How far ahead of the data a segment's space is reserved. An fdatasync after a write that
    /// grows the file must also commit the new size and extents through the file system's
    /// journal (on ext4 data=ordered, flushing other files' new dirty data with them); inside
    /// reserved space it commits less (measured on ext4: write + fdatasync of a 16-command group
    /// p50 176 → 120 µs; committer CPU per HTTP order 7.4 → 6.1 µs). 4 MiB is ~2,500 group
    /// commits of 1.6 KB per reservation, yet little disk for an idle segment.
    static let reserveStep = 4 << 20

    let fileSystem: any FileSystem
    let directory: String
    let segmentSizeLimit: Int
    private var file: OpenFile
    private var segmentPath: String
    /// The bytes of records in the segment: where the next group commit is written.
    private var segmentLength: Int
    /// The segment's size as reserved so far; false once the file system has said it reserves
    /// nothing, so it is not asked again for every write.
    private var reservedLength: Int
    private var reserving = true
    private var unsyncedBytes = 0
    /// Bytes made durable since start.
    private(set) var bytesCommitted: UInt64 = 0

    /// Continues the recovered tail segment at its data length (its file may be longer: the
    /// zeros of a reserve), or starts a segment at `nextSequence`.
    ///
    /// The tail is synced (with its directory entry) before anything is written: records a
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
            file = try fileSystem.openForWriting(segmentPath)
            try fileSystem.sync(file)
            try fileSystem.syncDirectory(directory)
        } else {
            (file, segmentPath) = try Self.startSegment(at: nextSequence, directory, fileSystem)
            segmentLength = 0
        }
        // What lies past the data is not known here; reserving again over it is cheap.
        reservedLength = segmentLength
    }

    deinit {
        fileSystem.close(file)
    }

    /// Writes framed records whose first is `firstSequence` at the segment's data length,
    /// starting a new segment first if the current one is full. Not durable until `sync()`.
    func write(_ records: [UInt8], firstSequence: UInt64) throws(FileSystemError) {
        guard !records.isEmpty else { return }
        if segmentLength >= segmentSizeLimit { try roll(first: firstSequence) }
        try reserve(through: segmentLength + records.count)
        try fileSystem.writeAll(file, records, at: segmentLength, path: segmentPath)
        segmentLength += records.count
        unsyncedBytes += records.count
    }

    /// Makes everything written so far durable (one fdatasync). It also makes the reserve
    /// durable, though nothing depends on that: fdatasync commits whatever metadata reading the
    /// synced data back needs (allocation, size), and a reserve lost to a crash only shortens
    /// the zeros after the durable records.
    func sync() throws(FileSystemError) {
        guard unsyncedBytes > 0 else { return }
        try fileSystem.sync(file)
        bytesCommitted += UInt64(unsyncedBytes)
        unsyncedBytes = 0
    }

    /// Reserves the next step when `end` would pass the reserve: up to the segment size limit,
    /// and past it only as far as the last group commit of the segment needs.
    private func reserve(through end: Int) throws(FileSystemError) {
        guard reserving && end > reservedLength else { return }
        let length = max(end, min(segmentLength + Self.reserveStep, segmentSizeLimit))
        reserving = try fileSystem.reserve(file, length: length)
        if reserving { reservedLength = length }
    }

    /// Syncs the full segment, cuts its unused reserve (durably, before the next segment
    /// exists, so only the newest segment can ever end in zeros), and starts the next one.
    private func roll(first: UInt64) throws(FileSystemError) {
        try fileSystem.sync(file)
        // Always cut: a recovered tail's file may hold a reserve this writer never saw.
        try fileSystem.truncate(segmentPath, to: segmentLength)
        fileSystem.close(file)
        (file, segmentPath) = try Self.startSegment(at: first, directory, fileSystem)
        segmentLength = 0
        reservedLength = 0
    }

    private static func startSegment(at sequence: UInt64, _ directory: String,
                                     _ fileSystem: any FileSystem) throws(FileSystemError) -> (OpenFile, String) {
        let path = JournalFiles.path(directory, JournalFiles.segmentName(firstSequence: sequence))
        let file = try fileSystem.create(path, exclusive: true)
        try fileSystem.syncDirectory(directory)
        return (file, path)
    }
}
