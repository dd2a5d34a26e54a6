import Foundation
import SolventCore
import SolventJournal

/// Reads the journal's segment files frame by frame, handing out each record together with
/// the raw bytes of its frame body: what the Merkle log hashes and what an auditor replays.
/// Read-only; stops at the first frame that is not intact and reports where (the zeros of a
/// segment's reserve end its data cleanly).
struct JournalFrames {
    let directory: String

    /// One intact record and its frame body (sequence ‖ time ‖ command bytes).
    struct Frame {
        let record: JournalRecord
        let body: UnsafeRawBufferPointer
    }

    /// Calls `visit` for every record after `sequence`, in order, at most through `last`.
    /// Returns the damage that ended the journal early, or nil when every byte read was intact.
    @discardableResult
    func forEach(after sequence: UInt64, through last: UInt64 = .max,
                 _ visit: (Frame) throws -> Void) throws -> String? {
        let segments = try Self.segments(in: directory)
        // The last segment starting at or before the first wanted record, and those after it.
        let start = segments.lastIndex { $0.first <= sequence + 1 } ?? 0
        guard let first = segments.first else { return nil }
        guard first.first <= sequence + 1 else {
            throw ServerError("the journal starts at record \(first.first); records after \(sequence) are gone")
        }
        var expected = segments[start].first
        for segment in segments[start...] {
            guard expected <= last else { return nil }
            guard segment.first == expected else {
                throw ServerError("\(segment.path) starts at \(segment.first) but \(expected) comes next")
            }
            guard let data = FileManager.default.contents(atPath: segment.path) else {
                throw ServerError("cannot read \(segment.path)")
            }
            let bytes = [UInt8](data)
            var offset = 0
            while offset < bytes.count && expected <= last {
                guard case .record(let record, let end) = RecordFrame.read(bytes, at: offset) else {
                    // Zeros to the file's end are space reserved ahead of the data, not damage.
                    if SegmentReserve.starts(at: offset, in: bytes) { break }
                    return "\(segment.path) at byte \(offset)"
                }
                guard record.sequence == expected else {
                    throw ServerError("\(segment.path) holds record \(record.sequence) where \(expected) belongs")
                }
                if record.sequence > sequence {
                    try bytes.withUnsafeBytes { raw in
                        try visit(Frame(record: record, body: UnsafeRawBufferPointer(rebasing: raw[(offset + 8)..<end])))
                    }
                }
                expected += 1
                offset = end
            }
        }
        return nil
    }

    /// The segment files, oldest first: `journal-<20-digit first sequence>.log`.
    /// A directory that does not exist yet is an empty journal.
    static func segments(in directory: String) throws -> [(first: UInt64, path: String)] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        return names.compactMap { name -> (UInt64, String)? in
            guard name.hasPrefix("journal-"), name.hasSuffix(".log") else { return nil }
            let digits = name.dropFirst("journal-".count).dropLast(".log".count)
            guard digits.count == 20, let first = UInt64(digits),
                  JournalFiles.segmentName(firstSequence: first) == name else { return nil }
            return (first, directory + "/" + name)
        }.sorted { $0.0 < $1.0 }
    }
}
