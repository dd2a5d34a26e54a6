import ArgumentParser
import SolventJournal

/// Where the journal lives and how it is written: shared by every command that opens one.
package struct JournalOptions: ParsableArguments {
    @Option(help: "The data directory: journal segments and snapshots.")
    package var data: String

    @Option(help: "Take a snapshot after this many commands.")
    package var snapshotEvery: UInt64 = 1_000_000

    @Option(help: "Start a new journal segment once one reaches this many bytes.")
    package var segmentBytes: Int = 64 << 20

    @Option(help: "Most commands in one group commit.")
    package var maxBatch: Int = 2_048

    @Option(help: "Keep only this many snapshots and the journal segments after the oldest of them (default: keep everything).")
    package var keepSnapshots: Int?

    package init() {}

    package func validate() throws {
        if let keepSnapshots, keepSnapshots < 1 { throw ValidationError("--keep-snapshots must be at least 1") }
        guard snapshotEvery >= 1 else { throw ValidationError("--snapshot-every must be at least 1") }
        guard segmentBytes >= 4_096 else { throw ValidationError("--segment-bytes must be at least 4096") }
        guard (1...1_000_000).contains(maxBatch) else { throw ValidationError("--max-batch must be 1...1,000,000") }
    }

    package var configuration: SequencerConfiguration {
        var configuration = SequencerConfiguration()
        configuration.snapshotInterval = snapshotEvery
        configuration.segmentSizeLimit = segmentBytes
        configuration.maxBatch = maxBatch
        configuration.retention = keepSnapshots.map { .prune(snapshots: $0) } ?? .keepEverything
        return configuration
    }

    /// Recovers and starts the sequencer, or exits with the reason recovery refused.
    package func openSequencer(hooks: SequencerHooks) throws -> Sequencer {
        do {
            return try Sequencer(directory: data, configuration: configuration, hooks: hooks)
        } catch {
            StandardStreams.fail("solvent: cannot open \(data): \(error)")
        }
    }
}
