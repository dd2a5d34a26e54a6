import ArgumentParser
import Foundation
import Glibc
import SolventCommandLine

/// `solvent-bench crash-test`: proves that nothing acknowledged is lost when the process dies.
struct CrashTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-test",
        abstract: "Kill the durable exchange at random moments and check nothing acknowledged was lost.",
        discussion: """
            Runs `solvent-bench pipe` on a data directory under a stream of random commands, kills it \
            with SIGKILL after a random delay (sometimes during recovery), restarts it, and checks \
            every acknowledged command is in the journal as sent, the invariants hold, and the \
            recovered state hash equals an independent replay. Exits non-zero on the first broken \
            promise. The child processes' logs go to crash-test.log in the data directory.
            """)

    @Option(help: "How many times to kill the exchange.")
    var kills = 1_000

    @Option(help: "Seed of the commands and the kill times.")
    var seed: UInt64 = 1

    @Option(help: "Longest run before a kill, in milliseconds.")
    var maxDelay = 80

    @Option(help: "Data directory (default: a new temporary directory, removed on success).")
    var data: String?

    func validate() throws {
        guard kills >= 1 && kills <= 1_000_000 else { throw ValidationError("--kills must be 1...1,000,000") }
        guard maxDelay >= 1 && maxDelay <= 60_000 else { throw ValidationError("--max-delay must be 1...60,000") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let directory = data ?? Self.temporaryDirectory()
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/crash-test.log", contents: nil)
        guard let log = FileHandle(forWritingAtPath: directory + "/crash-test.log") else {
            StandardStreams.fail("solvent-bench crash-test: cannot write \(directory)/crash-test.log")
        }
        log.seekToEndOfFile()
        let started = Date()
        var harness = CrashHarness(directory: directory, executable: Self.ownExecutable(), log: log, seed: seed,
                                   maxDelayMilliseconds: maxDelay)
        do {
            try harness.run(kills: kills) { StandardStreams.err("crash-test: \($0)\n") }
        } catch {
            StandardStreams.fail("solvent-bench crash-test: FAILED (seed \(seed)) after \(harness.stats.kills) kills: \(error) "
                                 + "(data kept in \(directory))")
        }
        let torn = Self.count("truncated torn tail", in: directory + "/crash-test.log")
        print("crash-test: passed (seed \(seed)): \(harness.stats.line(journalAt: harness.stats.acknowledged)); "
              + "\(torn) torn tails truncated; "
              + String(format: "%.1f s", Date().timeIntervalSince(started)))
        if data == nil { try? FileManager.default.removeItem(atPath: directory) }
    }

    private static func temporaryDirectory() -> String {
        var template = Array((NSTemporaryDirectory() + "solvent-crash-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { StandardStreams.fail("solvent-bench crash-test: mkdtemp failed") }
        return String(cString: made)
    }

    /// This process's own binary, which the children run as `solvent-bench pipe`.
    private static func ownExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private static func count(_ needle: String, in path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        return text.components(separatedBy: needle).count - 1
    }
}
