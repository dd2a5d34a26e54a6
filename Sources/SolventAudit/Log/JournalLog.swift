import Foundation
import SolventCore
import SolventJournal
import SolventProof
import Synchronization

/// The journal as an RFC 9162 Merkle log, kept up to date from its cursor on the commit ring on
/// its own thread (hashing stays off the committer), taking what gathered over up to 50 ms at
/// once, with one lock and one leaf-file write; readers hurry it. Leaf s − 1 is the hash of
/// record s (see `JournalLeaf`); the log never holds a record that is not durable.
///
/// Proofs and roots are computed under the lock from the in-memory `LogTree`; each costs a
/// few hundred hashes at most, so readers hold the lock for microseconds.
package final class JournalLog: Sendable {
    static let gathering = Gathering(windowNanoseconds: 50_000_000)

    private let tree: Mutex<LogTree>
    private let cursor: RingCursor
    private let appended: Atomic<UInt64>
    private let leafFile: LeafFile
    private let log: @Sendable (String) -> Void

    /// Opens the leaf file under `directory` and trusts its leaves when the last stop was clean
    /// and its last leaf is the journal's; recovery then hashes the records after them
    /// (`catchUp`), and the log's thread follows `cursor` from there.
    package init(directory: String, journalDirectory: String, cursor: RingCursor,
                 log: @escaping @Sendable (String) -> Void) throws {
        leafFile = try LeafFile(directory: directory)
        let stored = try Self.trustedLeaves(leafFile, journalDirectory: journalDirectory, log: log)
        if stored.isEmpty { try leafFile.rewrite([]) }
        var tree = LogTree()
        for leaf in stored { tree.append(leaf) }
        appended = Atomic(tree.size)
        self.tree = Mutex(tree)
        self.cursor = cursor
        self.log = log
        NamedThread.start("journal-log") { [self] in run() }
    }

    /// What recovery hands the records the log lacks: their leaves are hashed and written.
    package var catchUp: CatchUpConsumer {
        CatchUpConsumer(name: "the journal log", position: size) { [self] batch in
            var scratch = BinaryWriter(capacity: 1_024)
            var hashes: [LogHash] = []
            hash(batch, &scratch, into: &hashes)
            let skip = append(hashes, from: batch.firstSequence)
            try leafFile.append(hashes[skip...])
        }
    }

    /// The leaves of a clean stop whose last leaf is the journal's record; none otherwise.
    private static func trustedLeaves(_ leafFile: LeafFile, journalDirectory: String,
                                      log: (String) -> Void) throws -> [LogHash] {
        guard let stored = try leafFile.loadIfClean(), let last = stored.last else { return [] }
        let count = UInt64(stored.count)
        var found: LogHash?
        var scratch = BinaryWriter(capacity: 1_024)
        try JournalReader(directory: journalDirectory).records(after: count - 1, through: count) { record in
            found = JournalLeaf.hash(sequence: record.sequence, time: record.time, command: record.command, scratch: &scratch)
        }
        guard found == last else {
            log("journal log: the leaf file does not match the journal; rebuilding it")
            return []
        }
        return stored
    }

    /// The number of records in the log (the last sequence it holds).
    package var size: UInt64 { appended.load(ordering: .acquiring) }

    /// Waits (up to ten seconds) until the log holds record `sequence`; false if it does not.
    package func waitUntilAppended(_ sequence: UInt64) async -> Bool {
        var waited = 0
        while size < sequence && waited < 10_000 {
            cursor.hurry()
            try? await Task.sleep(nanoseconds: 1_000_000)
            waited += 1
        }
        return size >= sequence
    }

    /// Runs `body` on the log as it is now.
    package func read<Value: Sendable, Failure: Error>(_ body: (borrowing LogTree) throws(Failure) -> Value) throws(Failure)
        -> Value {
        try tree.withLock { tree throws(Failure) in try body(tree) }
    }

    /// Once everything through `sequence` is appended (waiting up to ten seconds), syncs the
    /// leaf file and marks it clean. Called at stop, after the sequencer has stopped.
    package func close(through sequence: UInt64) {
        var waited = 0
        while size < sequence && waited < 10_000 {
            cursor.hurry()
            usleep(1_000)
            waited += 1
        }
        guard size >= sequence else { return log("journal log: behind the journal at stop; rebuilt at next start") }
        do { try leafFile.closeCleanly(count: size) } catch { log("journal log: closing the leaf file failed: \(error)") }
    }

    private func run() {
        var scratch = BinaryWriter(capacity: 1_024)
        var hashes: [LogHash] = []
        var batches: [CommittedBatch] = []
        while cursor.take(into: &batches, gathering: Self.gathering) {
            guard let first = batches.first else { continue }
            hashes.removeAll(keepingCapacity: true)
            for batch in batches { hash(batch, &scratch, into: &hashes) }
            let skip = append(hashes, from: first.firstSequence)
            do { try leafFile.append(hashes[skip...]) } catch {
                // The file is rebuilt from the journal at the next start; the log in memory is intact.
                log("journal log: writing leaves failed: \(error)")
            }
            batches.removeAll(keepingCapacity: true)
        }
    }

    private func hash(_ batch: CommittedBatch, _ scratch: inout BinaryWriter, into hashes: inout [LogHash]) {
        for index in 0..<batch.count {
            hashes.append(JournalLeaf.hash(sequence: batch.firstSequence + UInt64(index), time: batch.time,
                                           command: batch.commands[index], scratch: &scratch))
        }
    }

    /// Appends the leaves of consecutive records from `firstSequence` on that the log lacks;
    /// returns how many it already had.
    private func append(_ hashes: [LogHash], from firstSequence: UInt64) -> Int {
        tree.withLock { tree in
            // Records the log already holds are skipped; a gap would be a bug.
            let next = tree.size + 1
            precondition(firstSequence <= next, "journal log: batch \(firstSequence) leaves a gap after \(tree.size)")
            let skip = Int(min(UInt64(hashes.count), next - firstSequence))
            for hash in hashes[skip...] { tree.append(hash) }
            appended.store(tree.size, ordering: .releasing)
            return skip
        }
    }
}
