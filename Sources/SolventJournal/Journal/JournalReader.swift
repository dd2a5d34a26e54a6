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
        let segments: [(first: UInt64, name: String)]
        do { segments = JournalFiles.segments(in: try fileSystem.list(directory)) } catch { throw .io(error) }
        guard let start = segments.lastIndex(where: { $0.first <= sequence + 1 }) else {
            if let first = segments.first {
                throw .inconsistent("records after \(sequence) are needed but the journal starts at \(first.first)")
            }
            return nil
        }
        var expected = segments[start].first
        for segment in segments[start...] {
            guard expected <= last else { return nil }
            guard segment.first == expected else {
                throw .inconsistent("\(segment.name) starts at \(segment.first) but \(expected) comes next")
            }
            let path = JournalFiles.path(directory, segment.name)
            let bytes: [UInt8]
            do { bytes = try fileSystem.read(path) } catch { throw .io(error) }
            let end = try SegmentScanner(path: path, bytes: bytes).scan(expected: segment.first) { record in
                expected = record.sequence + 1
                if record.sequence > sequence && record.sequence <= last { visit(record) }
            }
            if case .damaged(let offset, let reason, _) = end { return "\(path) at byte \(offset): \(reason)" }
        }
        return nil
    }
}
