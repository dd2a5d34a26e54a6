import SolventCore
import Testing
@testable import SolventJournal

/// What the engine records beside balances survives a restart, from a snapshot and from a
/// replay alike: each account's `balancesUpdatedAt` (the sequencer's time of the command that
/// last moved a balance) and the latest journaled epoch.
struct RestartKeepsRecordsTests {
    static let directory = DataDirectoryBuilder.directory
    static let publication = EpochPublication(epoch: 1, headerHash: SHA256.hash([1, 2, 3]), signedHeader: [9, 8, 7])

    /// Setup at 1_000, a deposit to account 2 at 5_000, an epoch and a no-op at 9_000.
    static func run(_ disk: MemoryFileSystem, snapshot: Bool) async throws -> (updatedAt: [Timestamp], hash: SHA256Digest) {
        let times = [Timestamp](repeating: 1_000, count: TradingCommands.setup.count) + [5_000, 9_000, 9_000]
        let sequencer = try Sequencer(directory: directory, configuration: .testing(), fileSystem: disk,
                                      clock: ScriptedClock(times))
        for command in TradingCommands.setup { _ = try await sequencer.execute(command) }
        _ = try await sequencer.execute(.deposit(2, TradingCommands.usdt, 7))
        _ = try await sequencer.execute(.publishEpoch(publication))
        let refused = try await sequencer.execute(.cancelAllOrders(3, 0))
        #expect(!refused.events.contains { if case .balance = $0 { true } else { false } },
                "cancelling nothing moves no balance: \(refused.events)")
        let state = try await sequencer.inspect { exchange in
            (exchange.engine.ledger.accounts.map(\.balancesUpdatedAt), exchange.stateHash())
        }
        sequencer.stop(takingSnapshot: snapshot)
        return (state.0, state.1)
    }

    @Test(arguments: [true, false])
    func balancesUpdatedAtAndTheLatestEpochSurviveARestart(fromSnapshot: Bool) async throws {
        let disk = MemoryFileSystem()
        let before = try await Self.run(disk, snapshot: fromSnapshot)
        #expect(before.updatedAt == [0, 1_000, 5_000, 1_000, 1_000])
        let again = try Sequencer(directory: Self.directory, configuration: .testing(), fileSystem: disk.crash(),
                                  clock: SteppingClock())
        defer { again.stop() }
        #expect((again.recovery.snapshotSequence != nil) == fromSnapshot)
        let after = try await again.inspect { exchange in
            (exchange.engine.ledger.accounts.map(\.balancesUpdatedAt), exchange.engine.latestEpoch, exchange.stateHash())
        }
        #expect(after.0 == before.updatedAt)
        #expect(after.1 == Self.publication)
        #expect(after.2 == before.hash)
    }
}
