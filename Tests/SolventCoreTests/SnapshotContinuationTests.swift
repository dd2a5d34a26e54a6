import Testing
@testable import SolventCore
import SolventTestSupport

/// A restored snapshot must behave like the engine it was taken from, for any later command.
@Suite("Snapshots continue like the live engine")
struct SnapshotContinuationTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func restoredEnginesNeverDiverge(seed: UInt64) throws {
        var generator = CommandGenerator(seed: seed)
        var live = Engine<FastBookUnderTest>()
        var time: Timestamp = 1_700_000_000_000
        for command in TestMarkets.setupCommands + generator.fundingCommands { _ = live.apply(command, at: time) }
        for round in 0..<20 {
            var restored = try Engine<FastBookUnderTest>(encodedState: live.encodedState())
            for step in 0..<500 {
                if step % 64 == 0 { time += 7_919 }
                let command = generator.next()
                let expected = live.apply(command, at: time)
                let actual = restored.apply(command, at: time)
                generator.observe(expected)
                guard actual == expected else {
                    Issue.record("round \(round) step \(step): \(command)\nlive: \(expected)\nrestored: \(actual)")
                    return
                }
            }
            #expect(restored.stateHash() == live.stateHash(), "round \(round)")
        }
    }
}
