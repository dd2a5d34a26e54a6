import ArgumentParser
import Glibc
import SolventCommandLine
import SolventCore
import SolventJournal
import SolventWire

/// `solvent-bench pipe`: the durable exchange driven over standard input and output, one command per
/// line. The crash test drives it; so can any script that wants a journaled exchange without a
/// server.
struct PipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipe",
        abstract: "Run the durable exchange over standard input and output.",
        discussion: """
            Recovers the exchange from --data (created if missing) and prints \
            `ready <last sequence> <state hash>`. Then reads one command per line, as the hex of \
            its journal encoding, and prints `ack <first> <last> <time>` once each group commit \
            holding those sequences is on disk. At end of input it drains, snapshots and exits. \
            A journal failure exits with status 1; a malformed line with status 2.
            """)

    @OptionGroup var journal: JournalOptions

    func run() async throws {
        let sequencer = try journal.openSequencer(hooks: SequencerHooks(
            log: { StandardStreams.err("solvent-bench pipe: \($0)\n") },
            onCommit: { StandardStreams.out("ack \($0.firstSequence) \($0.lastSequence) \($0.time)\n") },
            onFailure: { StandardStreams.fail("solvent-bench pipe: \($0)") }))
        let hash = try await sequencer.inspect { $0.stateHash() }
        StandardStreams.out("ready \(sequencer.committedSequence) \(hash)\n")
        var lineNumber = 0
        while let line = readLine() {
            lineNumber += 1
            guard let bytes = Hex.decode(line), let command = try? Command.decode(bytes) else {
                StandardStreams.fail("solvent-bench pipe: line \(lineNumber) is not a hex-encoded command", status: 2)
            }
            Self.submitWaiting(command, to: sequencer)
        }
        sequencer.stop(takingSnapshot: true)
    }

    /// Submits `command`, waiting while the queue is full: input order is sequence order.
    private static func submitWaiting(_ command: Command, to sequencer: Sequencer) {
        while true {
            do throws(SequencerError) {
                try sequencer.submit(command) { _ in }
                return
            } catch .busy {
                usleep(200)
            } catch {
                StandardStreams.fail("solvent-bench pipe: \(error)")
            }
        }
    }
}
