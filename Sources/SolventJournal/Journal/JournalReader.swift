/// Reads journal records without changing anything on disk: for auditors, tools and the crash
/// harness. Only intact records are returned; where they stop is reported, not repaired.
public struct JournalReader {
    public let directory: String
    public let fileSystem: any FileSystem

    public init(directory: String, fileSystem: any FileSystem = POSIXFileSystem()) {
        self.directory = directory
        self.fileSystem = fileSystem
    }

    /// Calls `visit` with every record after `sequence`, in order, through `last` at most.
    /// Returns how the journal ends: nil when every byte read is a valid record or reserved space
    /// after them (`SegmentReserve`), else the damage (a torn tail, before recovery).
    @discardableResult
    public func records(after sequence: UInt64, through last: UInt64 = .max,
                        _ visit: (JournalRecord) -> Void) throws(JournalError) -> String? {
        try walk(after: sequence, through: last) { record, _ in
            visit(record)
            return true
        }
    }

    /// `records`, with each record's frame body: exactly the bytes its CRC protects after the
    /// length and CRC (sequence ‖ time ‖ command), which is what the journal's Merkle log hashes
    /// and an auditor replays. A throw from `visit` ends the walk and is rethrown.
    @discardableResult
    public func frames(after sequence: UInt64, through last: UInt64 = .max,
                       _ visit: (JournalFrame) throws -> Void) throws -> String? {
        var failure: (any Error)?
        let damage = try walk(after: sequence, through: last) { record, body in
            do {
                try visit(JournalFrame(record: record, body: body))
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return damage
    }

    /// The one walk over the segments: each record after `sequence` through `last`, with its
    /// frame body, until the visitor says stop.
    private func walk(after sequence: UInt64, through last: UInt64,
                      _ visit: (JournalRecord, UnsafeRawBufferPointer) -> Bool) throws(JournalError) -> String? {
        let segments: [(first: UInt64, name: String)]
        do { segments = JournalFiles.segments(in: try fileSystem.list(directory)) } catch { throw .io(error) }
        guard let start = segments.lastIndex(where: { $0.first <= sequence + 1 }) else {
            if let first = segments.first {
                throw .inconsistent("records after \(sequence) are needed but the journal starts at \(first.first)")
            }
            return nil
        }
        var expected = segments[start].first
        var stopped = false
        for segment in segments[start...] {
            guard expected <= last, !stopped else { return nil }
            guard segment.first == expected else {
                throw .inconsistent("\(segment.name) starts at \(segment.first) but \(expected) comes next")
            }
            let path = JournalFiles.path(directory, segment.name)
            let bytes: [UInt8]
            do { bytes = try fileSystem.read(path) } catch { throw .io(error) }
            let end = try SegmentScanner(path: path, bytes: bytes).scanFrames(expected: segment.first) { record, body in
                expected = record.sequence + 1
                guard record.sequence > sequence else { return true }
                guard record.sequence <= last, visit(record, body) else {
                    stopped = true
                    return false
                }
                return true
            }
            if case .damaged(let offset, let reason, _) = end { return "\(path) at byte \(offset): \(reason)" }
        }
        return nil
    }
}

/// One intact journal record with the bytes of its frame body, valid only during the visit.
public struct JournalFrame {
    public let record: JournalRecord
    public let body: UnsafeRawBufferPointer
}
