import ArgumentParser
import SolventCommandLine
import SolventCore
import SolventJournal

/// `solvent journal-check`: an operator's and auditor's check of a data directory, read-only.
struct JournalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal-check",
        abstract: "Check a data directory: every record, every snapshot, the state at the end.",
        discussion: """
            Reads without changing anything. Replays the journal from its first record (from \
            genesis when the first segment is still there), checks each snapshot against the \
            replay at its sequence, and prints the last sequence, the state hash and the \
            invariants. Exits 1 if anything disagrees or is damaged before the tail.
            """)

    @Option(help: "The data directory.")
    var data: String

    func run() throws {
        var check = DirectoryCheck(directory: data)
        do {
            try check.run()
        } catch {
            StandardStreams.fail("solvent journal-check: \(error)")
        }
        check.lines.forEach { print($0) }
        if !check.problems.isEmpty {
            StandardStreams.fail("solvent journal-check: FAILED: " + check.problems.joined(separator: "; "))
        }
    }
}

/// The checks of `solvent journal-check`.
struct DirectoryCheck {
    let directory: String
    private(set) var lines: [String] = []
    private(set) var problems: [String] = []

    init(directory: String) {
        self.directory = directory
    }

    mutating func run() throws {
        let snapshots = try SnapshotCatalog(directory: directory)
        var start = try snapshots.replayStart()
        var exchange = start.exchange
        var checked = 0
        var events: [Event] = []
        let damage = try JournalReader(directory: directory).records(after: start.sequence) { record in
            exchange.apply(record.command, at: record.time, into: &events)
            events.removeAll(keepingCapacity: true)
            start.sequence = record.sequence
            if let expected = snapshots.hashes[record.sequence] {
                checked += 1
                if expected != exchange.stateHash() { problems.append("snapshot \(record.sequence) differs from the replay") }
            }
        }
        lines.append("replayed from \(start.origin) to sequence \(start.sequence)")
        lines.append("snapshots checked against the replay: \(checked) of \(snapshots.hashes.count)")
        if let damage { lines.append("torn tail (recovery will truncate it): \(damage)") }
        lines.append("state hash: \(exchange.stateHash())")
        let violations = exchange.invariantViolations()
        problems += violations
        lines.append("invariants: \(violations.isEmpty ? "hold" : "\(violations.count) broken")")
    }
}
