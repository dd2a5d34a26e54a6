import SolventCore
@testable import SolventJournal
import SolventTestSupport

/// Fills a data directory on a memory disk through the real sequencer, in small bursts, with
/// restarts and snapshots where a test wants them.
enum DataDirectoryBuilder {
    static let directory = "/data"

    /// Runs `commands` in bursts of up to eight; returns the live state hash at the end.
    @discardableResult
    static func run(_ commands: ArraySlice<Command>, on disk: MemoryFileSystem, configuration: SequencerConfiguration,
                    takingSnapshotAtStop: Bool = false, seed: UInt64 = 1) async throws -> SHA256Digest {
        let sequencer = try Sequencer(directory: directory, configuration: configuration, fileSystem: disk,
                                      clock: SteppingClock())
        var random = SplitMix64(seed: seed)
        var remaining = commands
        while !remaining.isEmpty {
            let burst = remaining.prefix(Int.random(in: 1...8, using: &random))
            remaining = remaining.dropFirst(burst.count)
            for result in await sequencer.submitTogether(Array(burst)) { _ = try result.get() }
        }
        let hash = try await sequencer.inspect { $0.stateHash() }
        sequencer.stop(takingSnapshot: takingSnapshotAtStop)
        return hash
    }

    /// 250 records with snapshots at 100 and 200, over several segments, no automatic snapshots.
    static func withTwoSnapshots() async throws -> (disk: MemoryFileSystem, commands: [Command]) {
        let disk = MemoryFileSystem()
        let commands = TradingCommands.stream(seed: 0x5A, count: 250 - TradingCommands.setup.count)
        let configuration = SequencerConfiguration.testing(segmentSizeLimit: 3_000)
        try await run(commands[..<100], on: disk, configuration: configuration, takingSnapshotAtStop: true)
        try await run(commands[100..<200], on: disk, configuration: configuration, takingSnapshotAtStop: true)
        try await run(commands[200...], on: disk, configuration: configuration)
        return (disk, commands)
    }

    static func path(_ name: String) -> String { JournalFiles.path(directory, name) }
}
