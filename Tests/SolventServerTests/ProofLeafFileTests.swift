import Foundation
import SolventAudit
import SolventCore
import SolventJournal
import SolventProof
@testable import SolventServer
import Synchronization
import Testing

/// The journal log as a projection: fed live from the commit ring it equals the log an auditor
/// computes from the journal files, and after a restart (clean, unclean, or with a damaged
/// leaf file) recovery's catch-up brings it to the same root, hashing only what it lacks.
@Suite struct ProofLeafFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-leaves-\(UUID())").path
    var journal: String { directory + "/journal" }
    var merkle: String { directory + "/merkle" }

    /// The root an auditor computes from the journal's frames alone.
    func rootFromFrames() throws -> (UInt64, LogHash) {
        var log = LogAccumulator()
        try JournalReader(directory: journal).frames(after: 0) { log.append(LogHasher.leaf($0.body)) }
        return (log.size, log.root)
    }

    /// Opens the journal log as a server start does: the leaf file, then recovery's catch-up.
    func start(log lines: @escaping @Sendable (String) -> Void = { _ in }) throws -> (JournalLog, RecoveryReport) {
        let ring = CommitRing()
        defer { ring.close() }
        let log = try JournalLog(directory: merkle, journalDirectory: journal, cursor: ring.cursor("journal log"), log: lines)
        let recovered = try JournalRecovery(directory: journal, fileSystem: POSIXFileSystem(), repairs: false)
            .recover(catchingUp: [log.catchUp])
        return (log, recovered.report)
    }

    /// Runs `count` deposits through a sequencer whose commits feed a journal log.
    func runExchange(deposits count: Int) async throws -> JournalLog {
        let ring = CommitRing()
        let log = try JournalLog(directory: merkle, journalDirectory: journal, cursor: ring.cursor("journal log")) { _ in }
        let sequencer = try Sequencer(directory: journal, ring: ring, catchingUp: [log.catchUp])
        if sequencer.committedSequence == 0 {
            _ = try await sequencer.execute(.listAsset(AssetSpec(name: "BTC", scale: 8)))
            _ = try await sequencer.execute(.openAccount(nil))
        }
        for amount in 1...count { _ = try await sequencer.execute(.deposit(1, 0, Amount(amount))) }
        sequencer.stop()
        log.close(through: sequencer.committedSequence)
        return log
    }

    @Test func theLiveLogIsTheLogOfTheJournalFiles() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try await runExchange(deposits: 300)
        let (size, root) = try rootFromFrames()
        #expect(size == 302 && log.size == size)
        #expect(log.read { $0.root } == root)
        #expect(FileManager.default.contents(atPath: merkle + "/leaves")?.count == 302 * 32)
    }

    @Test func aCleanRestartLoadsTheLeavesAndCatchesUp() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await runExchange(deposits: 10)
        #expect(FileManager.default.fileExists(atPath: merkle + "/leaves.clean"))
        let lines = Mutex<[String]>([])
        // More records while the log is not running: the restart must hash only those.
        let sequencer = try Sequencer(directory: journal)
        for amount in 1...5 { _ = try await sequencer.execute(.deposit(1, 0, Amount(amount))) }
        sequencer.stop()
        let (log, report) = try start { line in lines.withLock { $0.append(line) } }
        #expect(lines.withLock { $0 }.isEmpty, "the leaves are trusted")
        #expect(report.caughtUpRecords == 5 && log.size == 17)
        #expect(log.read { $0.root } == (try rootFromFrames()).1)
    }

    @Test func anUncleanOrDamagedLeafFileIsRebuiltFromTheJournal() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await runExchange(deposits: 20)
        let expected = try rootFromFrames().1
        // A damaged last leaf under a clean marker: detected and rebuilt.
        let handle = try #require(FileHandle(forUpdatingAtPath: merkle + "/leaves"))
        try handle.seekToEnd()
        try handle.seek(toOffset: handle.offsetInFile - 32)
        try handle.write(contentsOf: [UInt8](repeating: 0, count: 32))
        try handle.close()
        let lines = Mutex<[String]>([])
        let (rebuilt, report) = try start { line in lines.withLock { $0.append(line) } }
        #expect(rebuilt.read { $0.root } == expected && report.caughtUpRecords == 22)
        #expect(lines.withLock { $0.first } == "journal log: the leaf file does not match the journal; rebuilding it")
        // No clean marker now (the log above never closed): garbage in the file is not trusted.
        try Data(repeating: 0xAB, count: 22 * 32).write(to: URL(fileURLWithPath: merkle + "/leaves"))
        let (again, _) = try start()
        #expect(again.read { $0.root } == expected)
    }
}
