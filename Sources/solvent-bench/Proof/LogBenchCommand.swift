import ArgumentParser
import SolventServer

/// `solvent-bench log`: what keeping the journal as a Merkle log costs the committer, and how
/// fast a large log answers (see `JournalLogBench`). Build with `-c release`.
struct LogBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Measure the journal Merkle log: commit-hook overhead, leaf hashing, proofs on a large log.")

    @Option(help: "Where the benchmark's journals go (tmpfs makes syncs cheap, the hook's share largest).")
    var directory = "/dev/shm"
    @Option(help: "Commands per sequencer run.") var commands = 200_000
    @Option(help: "Runs per variant (medians reported).") var runs = 5
    @Option(help: "Records in the log for the proof timings.") var logRecords = 1_000_000

    func run() throws {
        print(try JournalLogBench.run(directory: directory, commands: commands, runs: runs, logRecords: logRecords))
    }
}
