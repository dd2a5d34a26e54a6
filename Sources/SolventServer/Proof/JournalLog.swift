import Foundation
import SolventCore
import SolventJournal
import SolventProof
import Synchronization

/// The journal as an RFC 9162 Merkle log, kept up to date from the sequencer's durable
/// batches on its own thread (hashing stays off the committer: the hook only queues the
/// batch, and the thread takes what gathered over up to 50 ms at once, with one lock and one
/// leaf-file write; readers hurry it). Leaf s − 1 is the hash of record s (see `JournalLeaf`);
/// the log never holds a record that is not durable.
///
/// Proofs and roots are computed under the lock from the in-memory `LogTree`; each costs a
/// few hundred hashes at most, so readers hold the lock for microseconds.
package final class JournalLog: Sendable {
    private let tree: Mutex<LogTree>
    private let queue = GatheringQueue(window: .milliseconds(50))
    private let appended: Atomic<UInt64>
    private let leafFile: LeafFile
    private let log: @Sendable (String) -> Void

    init(tree: LogTree, leafFile: LeafFile, log: @escaping @Sendable (String) -> Void) {
        appended = Atomic(tree.size)
        self.tree = Mutex(tree)
        self.leafFile = leafFile
        self.log = log
        NamedThread.start("journal-log") { [self] in run() }
    }

    /// Opens the leaf file under `directory` and catches up with the journal.
    package convenience init(directory: String, journalDirectory: String, log: @escaping @Sendable (String) -> Void) throws {
        let leafFile = try LeafFile(directory: directory)
        let tree = try JournalLogCatchUp.run(journalDirectory: journalDirectory, leafFile: leafFile, log: log)
        self.init(tree: tree, leafFile: leafFile, log: log)
    }

    /// Called from the commit hook: never blocks.
    package func enqueue(_ batch: CommittedBatch) {
        queue.append(batch)
    }

    /// The number of records in the log (the last sequence it holds).
    var size: UInt64 { appended.load(ordering: .acquiring) }

    /// Waits (up to ten seconds) until the log holds record `sequence`; false if it does not.
    func waitUntilAppended(_ sequence: UInt64) async -> Bool {
        var waited = 0
        while size < sequence && waited < 10_000 {
            queue.hurry()
            try? await Task.sleep(nanoseconds: 1_000_000)
            waited += 1
        }
        return size >= sequence
    }

    /// Runs `body` on the log as it is now.
    func read<Value: Sendable, Failure: Error>(_ body: (borrowing LogTree) throws(Failure) -> Value) throws(Failure)
        -> Value {
        try tree.withLock { tree throws(Failure) in try body(tree) }
    }

    /// Once everything through `sequence` is appended (waiting up to ten seconds), syncs the
    /// leaf file and marks it clean. Called at stop, after the sequencer has stopped.
    package func close(through sequence: UInt64) {
        var waited = 0
        while size < sequence && waited < 10_000 {
            queue.hurry()
            usleep(1_000)
            waited += 1
        }
        guard size >= sequence else { return log("journal log: behind the journal at stop; rebuilt at next start") }
        do { try leafFile.closeCleanly(count: size) } catch { log("journal log: closing the leaf file failed: \(error)") }
    }

    private func run() {
        var scratch = BinaryWriter(capacity: 1_024)
        var hashes: [LogHash] = []
        while true {
            let batches = queue.next()
            guard let first = batches.first else { continue }
            hashes.removeAll(keepingCapacity: true)
            for batch in batches { hash(batch, &scratch, into: &hashes) }
            let skip = append(hashes, from: first.firstSequence)
            do { try leafFile.append(hashes[skip...]) } catch {
                // The file is rebuilt from the journal at the next start; the log in memory is intact.
                log("journal log: writing leaves failed: \(error)")
            }
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
            // Records the catch-up already read from the journal are skipped; a gap would be a bug.
            let next = tree.size + 1
            precondition(firstSequence <= next, "journal log: batch \(firstSequence) leaves a gap after \(tree.size)")
            let skip = Int(min(UInt64(hashes.count), next - firstSequence))
            for hash in hashes[skip...] { tree.append(hash) }
            appended.store(tree.size, ordering: .releasing)
            return skip
        }
    }
}
