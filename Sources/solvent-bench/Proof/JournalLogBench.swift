import Foundation
import SolventAudit
import SolventCore
import SolventJournal
import SolventProof
import SolventServer
import Synchronization

/// `solvent-bench log`: what the journal's Merkle log costs.
///
/// - the committer: a real sequencer on a directory (tmpfs by default, where syncs are nearly
///   free, so the hook's share is as large as it can be) streams limit orders with a no-op
///   commit hook, then with the journal log's hook; commands per second, medians of the runs,
///   alternated so machine noise hits both alike;
/// - the log thread: hashing a record's leaf (encode + SHA-256) against a bare SHA-256 of the
///   same bytes, and appending leaf hashes to the tree;
/// - a log of `logRecords` leaves: its build from leaf hashes (what a clean start costs), and
///   the median time of a root, an inclusion proof and a consistency proof for random sizes.
enum JournalLogBench {
    static func run(directory: String, commands: Int, runs: Int, logRecords: Int) throws -> String {
        var lines = ["journal log benchmark: \(commands) commands × \(runs) runs per variant, log of \(logRecords) records"]
        var rates: [Variant: [Double]] = [:]
        for _ in 0..<runs {
            for variant in Variant.allCases {
                rates[variant, default: []].append(try sequencerRate(directory: directory, commands: commands, variant))
            }
        }
        let base = median(rates[.noHook]!)
        for variant in Variant.allCases {
            let rate = median(rates[variant]!)
            lines.append(String(format: "sequencer, %@ %10.0f commands/s (median), ratio %.3f",
                                variant.rawValue.padding(toLength: 34, withPad: " ", startingAt: 0), rate, rate / base))
        }
        lines += leafCosts(records: logRecords)
        lines += logQueries(records: logRecords)
        lines += try startCosts(directory: directory, records: logRecords)
        return lines.joined(separator: "\n")
    }

    static func sampleCommands(_ count: Int) -> [Command] {
        (0..<count).map { (index: Int) -> Command in
            let side: Side = index % 2 == 0 ? .buy : .sell
            let quantity = Quantity(1_000 + index % 977)
            let price = Price(5_000_000 + index % 1_013)
            let order = NewOrder(account: AccountId(1 + index % 64), market: 0, side: side, type: .limit,
                                 timeInForce: .gtc, quantity: quantity, price: price)
            return .placeOrder(order)
        }
    }

    /// Who reads the commit ring in a run.
    enum Variant: String, CaseIterable {
        case noHook = "no consumer:"
        case handOff = "a cursor on a thread, no hashing:"
        case journalLog = "journal log:"
    }

    /// Commands per second through a sequencer, from first submission to last acknowledgement.
    private static func sequencerRate(directory: String, commands: Int, _ variant: Variant) throws -> Double {
        let data = directory + "/solvent-log-bench-\(UUID())"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        let ring = CommitRing()
        let log = variant == .journalLog
            ? try JournalLog(directory: data + "/merkle", journalDirectory: data + "/journal",
                             cursor: ring.cursor("journal log")) { _ in } : nil
        if variant == .handOff { drain(ring.cursor("hand-off")) }
        var configuration = SequencerConfiguration()
        configuration.snapshotInterval = nil
        let sequencer = try Sequencer(directory: data + "/journal", configuration: configuration, ring: ring,
                                      catchingUp: log.map { [$0.catchUp] } ?? [])
        let stream = sampleCommands(commands)
        let acknowledged = Atomic<Int>(0)
        let started = ContinuousClock.now
        for command in stream {
            while true {
                do {
                    try sequencer.submit(command) { _ in acknowledged.add(1, ordering: .relaxed) }
                    break
                } catch {
                    usleep(20)
                }
            }
        }
        while acknowledged.load(ordering: .relaxed) < commands { usleep(50) }
        let elapsed = ContinuousClock.now - started
        sequencer.stop()
        log?.close(through: sequencer.committedSequence)
        return Double(commands) / seconds(elapsed)
    }

    /// A journal of `records` commands, then the journal log's start: with a clean leaf file,
    /// and rebuilt by recovery's catch-up (no clean marker).
    private static func startCosts(directory: String, records: Int) throws -> [String] {
        let data = directory + "/solvent-log-bench-\(UUID())"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        var configuration = SequencerConfiguration()
        configuration.snapshotInterval = nil
        let (merkle, journal) = (data + "/merkle", data + "/journal")
        let ring = CommitRing()
        let log = try JournalLog(directory: merkle, journalDirectory: journal, cursor: ring.cursor("journal log")) { _ in }
        let sequencer = try Sequencer(directory: journal, configuration: configuration, ring: ring,
                                      catchingUp: [log.catchUp])
        for command in sampleCommands(records) {
            while (try? sequencer.submit(command) { _ in }) == nil { usleep(20) }
        }
        while sequencer.committedSequence < UInt64(records) { usleep(100) }
        sequencer.stop()
        log.close(through: sequencer.committedSequence)
        // A clean start only loads the leaves (recovery's replay is the server's anyway); the
        // first start took the clean marker away, so the second hashes every record in the replay.
        let clean = try timedStart(merkle, journal, catchingUp: false)
        let rebuilt = try timedStart(merkle, journal, catchingUp: true)
        return [String(format: "start with %d records: clean leaf file %.2f s, rebuilt in recovery's replay %.2f s",
                       records, clean, rebuilt)]
    }

    /// Opens the journal log, and catches it up in a recovery when asked, in seconds.
    private static func timedStart(_ merkle: String, _ journal: String, catchingUp: Bool) throws -> Double {
        let started = ContinuousClock.now
        let ring = CommitRing()
        defer { ring.close() }
        let log = try JournalLog(directory: merkle, journalDirectory: journal, cursor: ring.cursor("journal log")) { _ in }
        if catchingUp {
            _ = try JournalRecovery(directory: journal, fileSystem: POSIXFileSystem(), repairs: false)
                .recover(catchingUp: [log.catchUp])
        }
        return seconds(ContinuousClock.now - started)
    }

    /// Takes and drops every batch on a thread of its own: what handing over costs.
    private static func drain(_ cursor: RingCursor) {
        Thread {
            var batches: [CommittedBatch] = []
            while cursor.take(into: &batches) { batches.removeAll(keepingCapacity: true) }
        }.start()
    }

    private static func leafCosts(records: Int) -> [String] {
        let commands = sampleCommands(4_096)
        var scratch = BinaryWriter(capacity: 512)
        let encoded = commands.enumerated().map { index, command in
            scratch.reset()
            scratch.write(UInt64(index + 1))
            scratch.write(Int64(1_700_000_000_000))
            command.encode(to: &scratch)
            return scratch.bytes
        }
        var sink = LogHash(bytes: [UInt8](repeating: 0, count: 32))!
        let bare = timePerItem(records) { index in
            sink = encoded[index % encoded.count].withUnsafeBytes { LogHasher.leaf($0) }
        }
        let leaf = timePerItem(records) { index in
            sink = JournalLeaf.hash(sequence: UInt64(index + 1), time: 1_700_000_000_000,
                                    command: commands[index % commands.count], scratch: &scratch)
        }
        var tree = LogTree()
        let append = timePerItem(records) { _ in tree.append(sink) }
        let bytes = encoded.reduce(0) { $0 + $1.count } / encoded.count
        return [
            String(format: "leaf data: %d bytes on average (a limit order)", bytes),
            String(format: "SHA-256(0x00 ‖ data) alone:  %7.0f ns/record (baseline)", bare),
            String(format: "encode + leaf hash:          %7.0f ns/record, ratio %.2f", leaf, leaf / bare),
            String(format: "tree append (1 node hash):   %7.0f ns/record; %d records: %.2f s", append, records,
                   append * Double(records) / 1e9),
        ]
    }

    private static func logQueries(records: Int) -> [String] {
        var tree = LogTree()
        for index in 0..<records { tree.append(LogHasher.leaf(withUnsafeBytes(of: UInt64(index)) { Array($0) })) }
        var generator = SystemRandomNumberGenerator()
        let count = 2_000
        let sizes = (0..<count).map { _ in UInt64.random(in: 2...UInt64(records), using: &generator) }
        var sink = 0
        let root = timePerItem(count) { sink &+= (try? tree.root(size: sizes[$0]))?.bytes[0] == 0 ? 1 : 0 }
        let inclusion = timePerItem(count) { index in
            let size = sizes[index]
            sink &+= (try? tree.inclusionProof(index: size / 3, size: size))?.path.count ?? 0
        }
        let consistency = timePerItem(count) { index in
            let size = sizes[index]
            sink &+= (try? tree.consistencyProof(from: size / 2, to: size))?.path.count ?? 0
        }
        let proof = try! tree.inclusionProof(index: UInt64(records / 3), size: UInt64(records))
        let leaf = try! tree.leafHash(at: UInt64(records / 3))
        let verify = timePerItem(count) { _ in sink &+= (try? proof.verify(leaf: leaf, root: tree.root)) == nil ? 1 : 0 }
        return [
            String(format: "log of %d: root at a random size %6.1f µs, inclusion proof %6.1f µs, consistency proof %6.1f µs",
                   records, root / 1e3, inclusion / 1e3, consistency / 1e3),
            String(format: "verify an inclusion proof (%d hashes): %.1f µs%@", proof.path.count, verify / 1e3,
                   sink == -1 ? " " : ""),
        ]
    }

    /// Nanoseconds per call of `body` over `count` calls (one timed pass).
    private static func timePerItem(_ count: Int, _ body: (Int) -> Void) -> Double {
        let started = ContinuousClock.now
        for index in 0..<count { body(index) }
        return seconds(ContinuousClock.now - started) * 1e9 / Double(count)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
