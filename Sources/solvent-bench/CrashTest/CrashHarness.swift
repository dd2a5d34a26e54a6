import Foundation
import Glibc
import SolventCommandLine
import SolventCore
import SolventJournal
import SolventWire

/// Kills `solvent-bench pipe` at random moments under a stream of random commands, restarts it, and
/// checks after every restart that nothing acknowledged was lost: every acknowledged sequence
/// is recovered, every journal record is the command that was sent in that position, the
/// invariants hold, and the recovered state hash equals an independent replay of the journal.
struct CrashHarness {
    let directory: String
    let executable: String
    let log: FileHandle
    var random: SeededRandom
    var workload: CrashWorkload
    var maxDelayMilliseconds: Int
    private(set) var stats = CrashStats()

    /// The harness's own replay of the journal, record by record, from genesis.
    private var reference = Exchange()
    private var referenceSequence: UInt64 = 0
    private var acknowledgedThrough: UInt64 = 0
    /// What a power cut cannot take: everything acknowledged or recovered so far.
    private var durableThrough: UInt64 = 0
    /// The commands sent in the last run, the first of them at `plannedStart`.
    private var planned: [Command] = []
    private var plannedStart: UInt64 = 1

    init(directory: String, executable: String, log: FileHandle, seed: UInt64, maxDelayMilliseconds: Int) {
        self.directory = directory
        self.executable = executable
        self.log = log
        random = SeededRandom(seed: seed)
        workload = CrashWorkload(seed: seed)
        self.maxDelayMilliseconds = maxDelayMilliseconds
    }

    /// `kills` runs, each ended by SIGKILL, then a last clean run that must exit 0.
    mutating func run(kills: Int, progress: (String) -> Void) throws(CrashFailure) {
        while stats.kills < kills {
            let child = try start()
            if random.oneIn(10) {
                // Sometimes the kill lands during recovery itself, before `ready`.
                usleep(UInt32(random.below(3_000)))
                child.kill()
                stats.kills += 1
                stats.killsDuringRecovery += 1
                continue
            }
            try verify(child)
            try trade(child)
            if stats.kills % 50 == 0 { progress(stats.line(journalAt: referenceSequence)) }
        }
        let last = try start()
        try verify(last)
        let status = last.closeInputAndWait()
        guard status == 0 else { throw CrashFailure("the final clean run exited with status \(status)") }
    }

    private func start() throws(CrashFailure) -> ChildExchange {
        // Every segment is kept: the reference replays the journal from genesis, between kills.
        // Segments of 256 KiB hold several group commits (up to ~120 KB each under this load),
        // so kills and power cuts land both inside a segment's reserved space and around rolls.
        let arguments = ["pipe", "--data", directory, "--snapshot-every", "1500", "--segment-bytes", "262144"]
        do {
            return try ChildExchange(executable: executable, arguments: arguments, log: log)
        } catch {
            throw CrashFailure("cannot start \(executable): \(error)")
        }
    }

    /// Sends a run's worth of commands and kills the child after a random delay.
    private mutating func trade(_ child: ChildExchange) throws(CrashFailure) {
        let setup = referenceSequence == 0 ? CrashWorkload.setup : []
        planned = setup
        for _ in 0..<20_000 { planned.append(workload.next()) }
        plannedStart = referenceSequence + 1
        let lines = planned.map { Hex.encode($0.encoded()) + "\n" }
        let sender = Thread { for chunk in stride(from: 0, to: lines.count, by: 64) {
            guard child.send(lines[chunk..<min(chunk + 64, lines.count)].joined()) else { return }
        } }
        sender.start()
        if !setup.isEmpty {
            // The first run is not killed before the market and accounts exist.
            while child.acknowledgedThrough < UInt64(setup.count) { usleep(1_000) }
        }
        usleep(UInt32(1_000 * (1 + random.below(maxDelayMilliseconds))))
        child.kill()
        stats.kills += 1
        acknowledgedThrough = max(acknowledgedThrough, child.acknowledgedThrough)
        stats.acknowledged = acknowledgedThrough
        if random.oneIn(3) { try losePower() }
    }

    /// Drops unsynced bytes as a power cut would, after the kill.
    private mutating func losePower() throws(CrashFailure) {
        do {
            let keep = max(acknowledgedThrough, durableThrough)
            let dropped = try PowerLoss(directory: directory).cut(keepingThrough: keep, using: &random)
            if dropped > 0 { stats.powerLosses += 1 }
        } catch {
            throw CrashFailure("simulating a power cut: \(error)")
        }
    }

    /// The checks after a restart; see the type's summary.
    private mutating func verify(_ child: ChildExchange) throws(CrashFailure) {
        guard let ready = child.waitUntilReady() else { throw CrashFailure("the exchange exited before it was ready") }
        guard ready.sequence >= acknowledgedThrough else {
            throw CrashFailure("sequences up to \(acknowledgedThrough) were acknowledged, only \(ready.sequence) recovered")
        }
        // Recovery syncs what it replayed before it reports ready: a later power cut may take
        // only what comes after.
        durableThrough = ready.sequence
        try replayNewRecords()
        guard referenceSequence == ready.sequence else {
            throw CrashFailure("the journal holds \(referenceSequence) records, the exchange recovered \(ready.sequence)")
        }
        let hash = reference.stateHash().description
        guard hash == ready.hash else {
            throw CrashFailure("state hash \(ready.hash) after recovery, \(hash) by replay, at \(ready.sequence)")
        }
        let problems = reference.invariantViolations()
        guard problems.isEmpty else { throw CrashFailure("invariants broken: \(problems.joined(separator: "; "))") }
        stats.restarts += 1
    }

    /// Applies the journal's records after `referenceSequence` to the reference, checking each
    /// against the command sent in its position.
    private mutating func replayNewRecords() throws(CrashFailure) {
        var mismatch: String?
        var events: [Event] = []
        let damage: String?
        do {
            damage = try JournalReader(directory: directory).records(after: referenceSequence) { record in
                let index = Int(record.sequence) - Int(plannedStart)
                if mismatch == nil && !(planned.indices.contains(index) && planned[index] == record.command) {
                    mismatch = "record \(record.sequence) is not the command sent in that position"
                }
                reference.apply(record.command, at: record.time, into: &events)
                events.removeAll(keepingCapacity: true)
                referenceSequence = record.sequence
            }
        } catch {
            throw CrashFailure("reading the journal: \(error)")
        }
        if let mismatch { throw CrashFailure(mismatch) }
        if let damage { throw CrashFailure("damage left after recovery: \(damage)") }
    }
}

/// What the crash test counted.
struct CrashStats {
    var kills = 0
    var killsDuringRecovery = 0
    /// Kills followed by a cut of unsynced journal bytes.
    var powerLosses = 0
    var restarts = 0
    var acknowledged: UInt64 = 0

    func line(journalAt sequence: UInt64) -> String {
        "\(kills) kills (\(killsDuringRecovery) during recovery, \(powerLosses) with unsynced bytes cut), "
            + "\(restarts) verified restarts, "
            + "\(acknowledged) commands acknowledged, journal at \(sequence)"
    }
}

/// A broken promise found by the crash test.
struct CrashFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
