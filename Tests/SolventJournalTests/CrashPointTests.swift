import SolventCore
import Testing
@testable import SolventJournal
import SolventTestSupport

/// Power cuts at arbitrary moments of a busy run (mid-write, mid-roll, mid-snapshot, mid-prune):
/// the disk as it would come back always recovers, never loses an acknowledged command, and its
/// state equals a plain replay of the records it holds.
struct CrashPointTests {
    static let directory = "/data"

    @Test(arguments: 0..<2)
    func aPowerCutAtAnyMomentRecoversEveryAcknowledgedCommand(shard: Int) async throws {
        var operations: [DiskOperation] = []
        var cutsInReserve = 0
        for seed in UInt64(shard * 20)..<UInt64((shard + 1) * 20) {
            let run = try await run(seed: seed)
            operations += run.operations
            cutsInReserve += run.cutsInReserve
        }
        #expect(operations.count >= 100, "too few power cuts were taken: \(operations.count)")
        let kinds: [DiskOperation] = [.create, .write, .reserve, .sync, .truncate, .rename, .remove, .syncDirectory]
        #expect(kinds.allSatisfy(operations.contains), "cuts before \(Set(operations.map { "\($0)" }).sorted())")
        // Segments are written into reserved space: many cuts (~45 %) find the tail ending in
        // zeros; the others come before a reserve was synced, or cut a record written into it.
        #expect(cutsInReserve >= operations.count / 4, "\(cutsInReserve) of \(operations.count) cuts had a reserve")
    }

    /// One run with power cuts taken just before random disk operations (a write, a sync, a
    /// rename, a removal…) on whichever thread makes them; returns the operations cut before and
    /// how many cuts left the newest segment ending in reserved space.
    private func run(seed: UInt64) async throws -> (operations: [DiskOperation], cutsInReserve: Int) {
        let disk = MemoryFileSystem(seed: seed)
        let configuration = SequencerConfiguration.testing(segmentSizeLimit: 800, snapshotInterval: 25,
                                                           retention: .prune(snapshots: seed % 2 == 0 ? 1 : 2))
        let acknowledged = Locked<[UInt64: JournalRecord]>([:])
        typealias Cut = (acknowledgedBefore: UInt64, operation: DiskOperation, disk: MemoryFileSystem)
        let cuts = Locked<(random: SplitMix64, taken: [Cut])>((SplitMix64(seed: seed), []))
        disk.observe { operation, _ in
            guard cuts.update({ $0.taken.count < 8 && $0.random.chance(6) }) else { return }
            // Read the acknowledgements first: everything acknowledged by now must survive.
            let before = acknowledged.value.keys.max() ?? 0
            let torn = cuts.update { $0.random.chance(50) }
            let image = disk.crash(keepingTornWrites: torn)
            cuts.update { $0.taken.append((before, operation, image)) }
        }
        let sequencer = try Sequencer(directory: Self.directory, configuration: configuration, fileSystem: disk,
                                      clock: SteppingClock())
        let commands = TradingCommands.stream(seed: seed, count: 160)
        var random = SplitMix64(seed: seed ^ 0xC07)
        var position = 0
        while position < commands.count {
            let burst = Array(commands[position..<min(commands.count, position + Int.random(in: 1...12, using: &random))])
            position += burst.count
            let results = await sequencer.submitTogether(burst) { _, result in
                if case .success(let outcome) = result {
                    let record = JournalRecord(sequence: outcome.sequence, time: outcome.time, command: outcome.command)
                    acknowledged.update { $0[outcome.sequence] = record }
                }
            }
            for result in results { _ = try result.get() }
        }
        sequencer.stop()
        let history = acknowledged.value
        #expect(history.count == commands.count)
        var cutsInReserve = 0
        for (index, cut) in cuts.value.taken.enumerated() {
            if try Self.endsInReserve(cut.disk) { cutsInReserve += 1 }
            try await check(cut.disk, acknowledgedBefore: cut.acknowledgedBefore, history: history,
                            restart: index == 0, context: "seed \(seed), cut \(index) before \(cut.operation)")
        }
        return (cuts.value.taken.map(\.operation), cutsInReserve)
    }

    /// Whether the newest segment on `disk` has zeros after its data, before recovery sees it.
    private static func endsInReserve(_ disk: MemoryFileSystem) throws -> Bool {
        guard let name = try JournalContents.segmentNames(in: directory, fileSystem: disk).last else { return false }
        let bytes = try #require(disk.bytes(of: JournalFiles.path(directory, name)))
        var offset = 0
        while case .record(_, let end) = RecordFrame.read(bytes, at: offset) { offset = end }
        return offset < bytes.count && SegmentReserve.starts(at: offset, in: bytes)
    }

    private func check(_ disk: MemoryFileSystem, acknowledgedBefore: UInt64, history: [UInt64: JournalRecord],
                       restart: Bool, context: String) async throws {
        let recovered: RecoveredJournal
        do throws(JournalError) {
            recovered = try JournalRecovery(directory: Self.directory, fileSystem: disk).recover()
        } catch {
            Issue.record("a power cut left an unrecoverable directory: \(error): \(context)")
            return
        }
        #expect(recovered.lastSequence >= acknowledgedBefore, "\(context)")
        // The records left on disk are the ones the live run acknowledged, in place.
        let records = try JournalContents.records(in: Self.directory, fileSystem: disk)
        for record in records where record.sequence <= recovered.lastSequence {
            #expect(history[record.sequence] == record, "\(context): record \(record.sequence)")
        }
        let reference = JournalContents.replay((1...max(1, recovered.lastSequence)).prefix(Int(recovered.lastSequence))
            .map { history[$0]! })
        #expect(recovered.exchange.stateHash() == reference.stateHash(), "\(context)")
        #expect(recovered.exchange.invariantViolations().isEmpty, "\(context)")
        if restart {
            let sequencer = try Sequencer(directory: Self.directory, fileSystem: disk, clock: SteppingClock())
            #expect(try await sequencer.execute(.openAccount(nil)).sequence == recovered.lastSequence + 1, "\(context)")
            sequencer.stop()
        }
    }
}
