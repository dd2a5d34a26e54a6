import SolventCore

/// Rebuilds the exchange from a data directory: the newest usable snapshot, then every journal
/// record after it. A torn tail (damage with no valid record after it, in the last segment) is
/// cut off and reported; damage anywhere else stops recovery with the file and offset, because
/// skipping it would silently drop acknowledged commands. Zeros after the last record are
/// reserved space (`SegmentReserve`), not damage: they are neither reported nor cut.
public struct JournalRecovery: Sendable {
    public let directory: String
    public let fileSystem: any FileSystem
    /// When false nothing on disk changes: tails are reported, not truncated.
    public var repairs = true
    /// Replays the whole journal from genesis instead of starting at a snapshot (for audits).
    public var ignoresSnapshots = false

    public init(directory: String, fileSystem: any FileSystem, repairs: Bool = true) {
        self.directory = directory
        self.fileSystem = fileSystem
        self.repairs = repairs
    }

    /// Rebuilds the exchange; on the way, hands each of `consumers` the records after its
    /// position (see `CatchUpConsumer`), starting from a snapshot none of them is behind.
    public func recover(catchingUp consumers: [CatchUpConsumer] = []) throws(JournalError) -> RecoveredJournal {
        var report = RecoveryReport()
        let names = try listFiles(&report)
        let feed = CatchUpFeed(consumers)
        let start = loadNewestSnapshot(names, notAfter: feed.heldByAll, &report)
        let unread = SegmentWalk(recovery: self, segments: try segmentsToReplay(names, after: start.sequence),
                                 skipThrough: start.sequence)
        var replay = Replay(exchange: start.exchange, lastTime: start.time, feed: feed)
        let walk = try RecordStream.run({ emit throws(JournalError) in
            var walk = unread
            try walk.run(emit)
            return walk
        }, consume: { replay.apply($0) })
        if let next = walk.journalNext, next - 1 < start.sequence {
            throw .inconsistent("the journal ends at \(next - 1), before the snapshot at \(start.sequence)")
        }
        replay.feed.flush()
        if let failure = replay.feed.failure { throw failure }
        report.replayedRecords = replay.replayed
        report.caughtUpRecords = replay.feed.delivered
        report.truncatedTail = walk.truncatedTail
        let lastSequence = max(start.sequence, (walk.journalNext ?? 1) - 1)
        if let ahead = consumers.first(where: { $0.position > lastSequence }) {
            // It holds records the journal does not: not the journal it was projected from.
            throw .inconsistent("\(ahead.name) holds records through \(ahead.position) but the journal ends at \(lastSequence)")
        }
        return RecoveredJournal(exchange: replay.exchange, lastSequence: lastSequence,
                                lastTime: replay.lastTime ?? start.time, tail: walk.tail, report: report)
    }

    func path(_ name: String) -> String {
        JournalFiles.path(directory, name)
    }

    private func listFiles(_ report: inout RecoveryReport) throws(JournalError) -> [String] {
        do {
            if repairs { try fileSystem.makeDirectory(directory) }
            var names = try fileSystem.list(directory)
            for name in names where repairs && name.hasSuffix(JournalFiles.temporarySuffix) {
                try fileSystem.remove(path(name))
                report.removedTemporaryFiles.append(name)
            }
            if !report.removedTemporaryFiles.isEmpty { try fileSystem.syncDirectory(directory) }
            names.removeAll { $0.hasSuffix(JournalFiles.temporarySuffix) }
            return names
        } catch {
            throw .io(error)
        }
    }

    /// The newest snapshot at or before `limit` that reads and decodes; unusable ones are
    /// reported and passed over.
    private func loadNewestSnapshot(_ names: [String], notAfter limit: UInt64, _ report: inout RecoveryReport)
        -> (exchange: Exchange, sequence: UInt64, time: Timestamp) {
        for snapshot in JournalFiles.snapshots(in: names) where !ignoresSnapshots && snapshot.sequence <= limit {
            do {
                let file = try SnapshotFile(decoding: try fileSystem.read(path(snapshot.name)))
                guard file.sequence == snapshot.sequence else {
                    throw SnapshotError.damaged("holds sequence \(file.sequence), not \(snapshot.sequence)")
                }
                report.snapshotSequence = file.sequence
                return (try file.exchange(), file.sequence, file.time)
            } catch {
                report.unusableSnapshots.append("\(snapshot.name): \(error)")
            }
        }
        return (Exchange(), 0, 0)
    }

    /// The segments holding records after `sequence`: the one that contains `sequence + 1` and
    /// every later one. Earlier segments stay on disk as history but are not read.
    private func segmentsToReplay(_ names: [String], after sequence: UInt64) throws(JournalError)
        -> [(first: UInt64, name: String)] {
        let segments = JournalFiles.segments(in: names)
        guard let firstNeeded = segments.lastIndex(where: { $0.first <= sequence + 1 }) else {
            if let first = segments.first {
                throw .inconsistent("the journal starts at \(first.first) but records after \(sequence) are needed")
            }
            return []
        }
        return Array(segments[firstNeeded...])
    }
}

/// The reading side of recovery: walks the segments in order, checks every record's framing and
/// sequence, emits the records after the snapshot, and decides what a damaged end means.
struct SegmentWalk: Sendable {
    let recovery: JournalRecovery
    let segments: [(first: UInt64, name: String)]
    /// Records up to here are already in the snapshot.
    let skipThrough: UInt64
    /// The sequence after the last record read; nil before the first segment.
    private(set) var journalNext: UInt64?
    /// The segment to append to and its valid length.
    private(set) var tail: (name: String, length: Int)?
    private(set) var truncatedTail: String?

    init(recovery: JournalRecovery, segments: [(first: UInt64, name: String)], skipThrough: UInt64) {
        self.recovery = recovery
        self.segments = segments
        self.skipThrough = skipThrough
    }

    mutating func run(_ emit: (JournalRecord) -> Void) throws(JournalError) {
        for (index, segment) in segments.enumerated() {
            tail = try walk(segment, isLast: index == segments.count - 1, emit)
        }
    }

    /// Reads one segment and returns it as the append target with its valid length.
    private mutating func walk(_ segment: (first: UInt64, name: String), isLast: Bool,
                               _ emit: (JournalRecord) -> Void) throws(JournalError) -> (name: String, length: Int) {
        let path = recovery.path(segment.name)
        if let journalNext, segment.first != journalNext {
            throw .inconsistent("\(segment.name) starts at \(segment.first) but \(journalNext) comes next")
        }
        let bytes: [UInt8]
        do { bytes = try recovery.fileSystem.read(path) } catch { throw .io(error) }
        var next = segment.first
        let end = try SegmentScanner(path: path, bytes: bytes).scan(expected: segment.first) { [skipThrough] record in
            next = record.sequence + 1
            if record.sequence > skipThrough { emit(record) }
        }
        journalNext = next
        let offset: Int, reason: String, intactAfter: Bool
        switch end {
        case .clean: return (segment.name, bytes.count)
        // Not cut: the writer continues into the reserve at the data's length.
        case .reserved(let dataLength): return (segment.name, dataLength)
        case .damaged(let at, let why, let intact): (offset, reason, intactAfter) = (at, why, intact)
        }
        guard isLast && !intactAfter else {
            let after = intactAfter ? "valid records follow it" : "later segments follow it"
            throw .corrupt(path: path, offset: offset, reason: "\(reason); \(after), refusing to skip it")
        }
        truncatedTail = "\(path) at byte \(offset) (\(reason)), \(bytes.count - offset) bytes dropped"
        if recovery.repairs {
            do { try recovery.fileSystem.truncate(path, to: offset) } catch { throw .io(error) }
        }
        return (segment.name, offset)
    }
}

/// The applying side of recovery.
private struct Replay {
    var exchange: Exchange
    var lastTime: Timestamp?
    var replayed = 0
    var feed: CatchUpFeed
    private var events: [Event] = []

    init(exchange: Exchange, lastTime: Timestamp, feed: CatchUpFeed) {
        self.exchange = exchange
        self.lastTime = lastTime
        self.feed = feed
        events.reserveCapacity(64)
    }

    mutating func apply(_ record: JournalRecord) {
        exchange.apply(record.command, at: record.time, into: &events)
        if !feed.isIdle { feed.add(record, events: events) }
        events.removeAll(keepingCapacity: true)
        lastTime = record.time
        replayed += 1
    }
}
