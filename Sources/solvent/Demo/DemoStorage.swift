import Foundation
import SolventCommandLine
import SolventCore
import SolventJournal

/// The demo's data directory, and the check that closes every demo: the journal on disk,
/// replayed from nothing, gives exactly the state the live exchange ended with.
enum DemoStorage {
    static func temporaryDirectory() -> String {
        var template = Array((NSTemporaryDirectory() + "solvent-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { StandardStreams.fail("solvent demo: cannot create a temporary directory") }
        return String(cString: made)
    }

    static func remove(_ directory: String) {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Stops the sequencer (with a final snapshot), replays the journal alone and compares.
    static func verify(_ sequencer: Sequencer, directory: String) async throws -> (matches: Bool, line: String) {
        let live = try await sequencer.inspect { $0.stateHash() }
        let records = sequencer.committedSequence
        let bytes = sequencer.committedJournalBytes
        sequencer.stop(takingSnapshot: true)
        var replay = JournalRecovery(directory: directory, fileSystem: POSIXFileSystem(), repairs: false)
        replay.ignoresSnapshots = true
        let replayed = try replay.recover().exchange.stateHash()
        let matches = replayed == live
        let verdict = matches ? "the journal replayed from disk gives the live state hash"
                              : "REPLAY DIFFERS from the live state: \(replayed) vs \(live)"
        return (matches, "journal: \(records) commands, \(bytes / 1_024) KiB in \(directory); \(verdict) (\(String(live.description.prefix(16)))…)")
    }
}
