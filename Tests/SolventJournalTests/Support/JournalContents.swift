import SolventCore
@testable import SolventJournal

/// Reads a data directory the slow, obvious way, to check what recovery and the sequencer did.
enum JournalContents {
    struct NotClean: Error, CustomStringConvertible {
        var description: String
    }

    /// Every record of every segment, oldest first; throws if a segment does not end cleanly (at
    /// its end or in reserved zeros) or the segments do not follow each other.
    static func records(in directory: String, fileSystem: any FileSystem) throws -> [JournalRecord] {
        var records: [JournalRecord] = []
        for segment in JournalFiles.segments(in: try fileSystem.list(directory)) {
            if let last = records.last, segment.first != last.sequence + 1 {
                throw NotClean(description: "\(segment.name) follows record \(last.sequence)")
            }
            let path = JournalFiles.path(directory, segment.name)
            let end = try SegmentScanner(path: path, bytes: try fileSystem.read(path))
                .scan(expected: segment.first) { records.append($0) }
            if case .damaged = end { throw NotClean(description: "\(segment.name) ends with \(end)") }
        }
        return records
    }

    /// Sequence and byte range of every record in one segment's bytes, up to any reserve (zeros
    /// to the end); throws at the first other byte that does not start a valid record.
    static func recordRanges(in bytes: [UInt8]) throws -> [(sequence: UInt64, start: Int, end: Int)] {
        var ranges: [(sequence: UInt64, start: Int, end: Int)] = []
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard case .record(let record, let end) = RecordFrame.read(buffer, at: offset) else {
                    if buffer[offset...].allSatisfy({ $0 == 0 }) { break }
                    throw NotClean(description: "no record at byte \(offset)")
                }
                ranges.append((record.sequence, offset, end))
                offset = end
            }
        }
        return ranges
    }

    /// The names of the segment files in `directory`, oldest first.
    static func segmentNames(in directory: String, fileSystem: any FileSystem) throws -> [String] {
        JournalFiles.segments(in: try fileSystem.list(directory)).map(\.name)
    }

    /// The names of the snapshot files in `directory`, newest first.
    static func snapshotNames(in directory: String, fileSystem: any FileSystem) throws -> [String] {
        JournalFiles.snapshots(in: try fileSystem.list(directory)).map(\.name)
    }

    /// The exchange after applying `records` to an empty one, as the sequencer applied them.
    static func replay(_ records: some Sequence<JournalRecord>) -> Exchange {
        var exchange = Exchange()
        var events: [Event] = []
        for record in records {
            exchange.apply(record.command, at: record.time, into: &events)
            events.removeAll(keepingCapacity: true)
        }
        return exchange
    }

    /// `hashes[k]` is the state hash after the first `k` records (k = 0: the empty exchange).
    static func prefixHashes(_ records: [JournalRecord]) -> [SHA256Digest] {
        var exchange = Exchange()
        var events: [Event] = []
        var hashes = [exchange.stateHash()]
        for record in records {
            exchange.apply(record.command, at: record.time, into: &events)
            events.removeAll(keepingCapacity: true)
            hashes.append(exchange.stateHash())
        }
        return hashes
    }
}
