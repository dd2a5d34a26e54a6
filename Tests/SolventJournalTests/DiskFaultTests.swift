import SolventCore
import Testing
@testable import SolventJournal

/// The real sequencer on a disk that fails once, at a seeded point: nobody is acknowledged after
/// the fault, the host is told once, and recovery after a power cut keeps every acknowledged
/// command, in its place, in a state that a plain replay reproduces. Short writes are no fault.
struct DiskFaultTests {
    static let shards = 4
    static let seedsPerShard = 50

    @Test(arguments: 0..<shards)
    func aFailedWriteOrSyncStopsAcknowledgingAndRecoveryKeepsEveryAcknowledgedCommand(shard: Int) async throws {
        var kinds: Set<String> = []
        var acknowledgedBeforeFailure = 0
        for seed in (shard * Self.seedsPerShard)..<((shard + 1) * Self.seedsPerShard) {
            var scenario = FaultScenario(seed: UInt64(seed))
            let sequencer = try await scenario.run()
            if scenario.journalMustHaveFailed {
                kinds.insert(scenario.fault.kind)
                acknowledgedBeforeFailure += scenario.deliveries.value.count {
                    if case .reply(_, .success) = $0 { true } else { false }
                }
                try await checkStoppedAcknowledging(scenario, sequencer)
            } else {
                try checkNothingFailed(scenario)
            }
            sequencer.stop()
            try await checkRecovery(scenario, crashTorn: seed % 2 == 1, restart: seed % 5 == 0)
        }
        #expect(kinds.count >= 3, "the faults exercised: \(kinds)")
        #expect(acknowledgedBeforeFailure > Self.seedsPerShard, "faults should strike after some commits, not only at once")
    }

    @Test(arguments: 0..<2)
    func shortWritesAreFinishedAndFailNothing(shard: Int) async throws {
        for seed in (1_000 + shard * 15)..<(1_000 + (shard + 1) * 15) {
            var scenario = FaultScenario(seed: UInt64(seed), shortWritesOnly: true)
            let sequencer = try await scenario.run()
            try checkNothingFailed(scenario)
            #expect(scenario.accepted.count == scenario.commands.count)
            #expect(scenario.disk.randomShortWrites > 0 && scenario.disk.firedFaults.count == 1, "seed \(seed)")
            let live = try await sequencer.inspect { $0.stateHash() }
            sequencer.stop()
            let recovered = try JournalRecovery(directory: FaultScenario.directory, fileSystem: scenario.disk.crash())
                .recover()
            #expect(recovered.lastSequence == UInt64(scenario.commands.count) && recovered.report.truncatedTail == nil)
            #expect(recovered.exchange.stateHash() == live, "seed \(seed)")
        }
    }

    /// Every success came before the first failure; after it, one hook call and only refusals.
    private func checkStoppedAcknowledging(_ scenario: FaultScenario, _ sequencer: Sequencer) async throws {
        let context = "seed \(scenario.seed), \(scenario.fault)"
        #expect(await scenario.awaitFailureHook(), "onFailure never ran: \(context)")
        let deliveries = scenario.deliveries.value
        let firstFailure = deliveries.firstIndex { delivery in
            switch delivery {
            case .reply(_, .failure), .failureHook: true
            case .reply(_, .success): false
            }
        }
        let failureAt = try #require(firstFailure, "no failure was delivered: \(context)")
        var hookCalls = 0
        for delivery in deliveries[failureAt...] {
            switch delivery {
            case .reply(let index, .success(let outcome)):
                Issue.record("command \(index) acknowledged as \(outcome.sequence) after the failure: \(context)")
            case .reply(_, .failure(let error)):
                #expect(error.isJournalFailure, "\(error): \(context)")
            case .failureHook(let error):
                hookCalls += 1
                #expect(error.isJournalFailure, "\(error): \(context)")
            }
        }
        #expect(hookCalls == 1, "onFailure ran \(hookCalls) times: \(context)")
        // Every later caller is refused at once, and nobody reads a state that is not durable.
        for command in scenario.commands.prefix(3) {
            do throws(SequencerError) {
                try sequencer.submit(command) { _ in }
                Issue.record("a submission was taken after the failure: \(context)")
            } catch {
                #expect(error.isJournalFailure, "\(error): \(context)")
            }
        }
        await #expect(throws: SequencerError.self) { _ = try await sequencer.execute(scenario.commands[0]) }
        await #expect(throws: SequencerError.self) { _ = try await sequencer.inspect { $0.stateHash() } }
    }

    private func checkNothingFailed(_ scenario: FaultScenario) throws {
        let context = "seed \(scenario.seed), \(scenario.fault)"
        #expect(scenario.refused.isEmpty, "\(scenario.refused): \(context)")
        for delivery in scenario.deliveries.value {
            switch delivery {
            case .reply(let index, .failure(let error)): Issue.record("command \(index) failed with \(error): \(context)")
            case .failureHook(let error): Issue.record("onFailure ran with \(error): \(context)")
            case .reply(_, .success): break
            }
        }
    }

    /// After a power cut (keeping torn unsynced writes or not): recovery is clean, holds every
    /// acknowledged command at its sequence, and equals a plain replay of what it recovered.
    private func checkRecovery(_ scenario: FaultScenario, crashTorn: Bool, restart: Bool) async throws {
        let context = "seed \(scenario.seed), \(scenario.fault), torn \(crashTorn)"
        let survivor = scenario.disk.crash(keepingTornWrites: crashTorn)
        let recovered = try JournalRecovery(directory: FaultScenario.directory, fileSystem: survivor).recover()
        let records = try JournalContents.records(in: FaultScenario.directory, fileSystem: survivor)
        #expect(UInt64(records.count) == recovered.lastSequence, "\(context)")
        #expect(records.enumerated().allSatisfy { $1.sequence == UInt64($0) + 1 }, "\(context)")
        // The journal holds accepted commands only, in the order they were accepted.
        let acceptedCommands = scenario.accepted.map { scenario.commands[$0] }
        #expect(records.count <= acceptedCommands.count, "\(context)")
        #expect(zip(records, acceptedCommands).allSatisfy { $0.command == $1 }, "\(context)")
        for case .reply(let index, .success(let outcome)) in scenario.deliveries.value {
            guard outcome.sequence <= recovered.lastSequence else {
                Issue.record("acknowledged \(outcome.sequence) lost; recovered up to \(recovered.lastSequence): \(context)")
                continue
            }
            let record = records[Int(outcome.sequence) - 1]
            #expect(record.command == scenario.commands[index] && record.time == outcome.time, "\(context)")
        }
        #expect(recovered.exchange.stateHash() == JournalContents.replay(records).stateHash(), "\(context)")
        #expect(recovered.exchange.invariantViolations().isEmpty, "\(context)")
        if restart {
            let sequencer = try Sequencer(directory: FaultScenario.directory, configuration: scenario.configuration,
                                          fileSystem: survivor, clock: SteppingClock())
            let outcome = try await sequencer.execute(.openAccount(nil))
            #expect(outcome.sequence == recovered.lastSequence + 1, "\(context)")
            sequencer.stop()
        }
    }
}

extension SequencerError {
    var isJournalFailure: Bool {
        if case .journalFailed = self { true } else { false }
    }
}
