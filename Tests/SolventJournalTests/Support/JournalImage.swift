import SolventCore
@testable import SolventJournal
import SolventTestSupport

/// A finished journal as bytes, with where every record sits and the state hash after every
/// prefix, so a damaged copy's recovery can be judged without replaying the original again.
struct JournalImage: Sendable {
    struct Segment: Sendable {
        var name: String
        var bytes: [UInt8]
        /// Sequence and byte range of each record, in order.
        var records: [(sequence: UInt64, start: Int, end: Int)]

        var nextSequence: UInt64 { (records.last?.sequence ?? 0) + 1 }
        /// Where the records end; zeros (a reserve) may follow up to `bytes.count`.
        var dataLength: Int { records.last?.end ?? 0 }
    }

    static let directory = "/data"
    var segments: [Segment]
    var records: [JournalRecord]
    /// `prefixHashes[k]`: the state hash after the first `k` records.
    var prefixHashes: [SHA256Digest]
    /// `prefixStates[k]`: the encoded state after the first `k` records (what the hash hashes;
    /// comparing it is as strong and, in a debug build, cheaper than hashing every copy).
    var prefixStates: [[UInt8]]

    static func path(_ name: String) -> String { JournalFiles.path(directory, name) }

    /// Runs `commands` through a real sequencer on a memory disk, in group commits of up to
    /// eight, and keeps what a crash right after would leave.
    static func build(_ commands: [Command], segmentSizeLimit: Int, seed: UInt64) async throws -> JournalImage {
        let disk = MemoryFileSystem()
        let sequencer = try Sequencer(directory: directory, configuration: .testing(segmentSizeLimit: segmentSizeLimit),
                                      fileSystem: disk, clock: SteppingClock())
        var random = SplitMix64(seed: seed)
        var remaining = commands[...]
        while !remaining.isEmpty {
            let chunk = remaining.prefix(Int.random(in: 1...8, using: &random))
            remaining = remaining.dropFirst(chunk.count)
            for result in await sequencer.submitTogether(Array(chunk)) { _ = try result.get() }
        }
        sequencer.stop()
        let survivor = disk.crash()
        var segments: [Segment] = []
        for name in try JournalContents.segmentNames(in: directory, fileSystem: survivor) {
            let bytes = survivor.bytes(of: path(name))!
            let records = try JournalContents.recordRanges(in: bytes)
            segments.append(Segment(name: name, bytes: bytes, records: records))
        }
        let records = try JournalContents.records(in: directory, fileSystem: survivor)
        precondition(records.map(\.command) == commands, "the journal must hold every command, in order")
        var exchange = Exchange()
        var states = [exchange.encodedState()]
        for record in records {
            _ = exchange.apply(record.command, at: record.time)
            states.append(exchange.encodedState())
        }
        return JournalImage(segments: segments, records: records, prefixHashes: JournalContents.prefixHashes(records),
                            prefixStates: states)
    }
}
