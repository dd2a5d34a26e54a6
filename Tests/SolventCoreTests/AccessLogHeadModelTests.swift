import Testing
@testable import SolventCore
import SolventTestSupport

/// Access-log heads against the naive model, mixed into the ordinary trading stream: mostly
/// heads that go forward, now and then one repeated or older (what a rewritten log would send).
/// The same events, balances and head command by command, and a snapshot that keeps the head.
@Suite("Property: access-log heads against the naive model")
struct AccessLogHeadModelTests {
    @Test(arguments: [UInt64(31), 32])
    func accessLogHeadsAgreeWithTheModel(seed: UInt64) throws {
        var (run, trading) = (ModelRun(), CommandGenerator(seed: seed))
        var rng = SplitMix64(seed: seed ^ 0xA0C3_55E5)
        var entries: UInt64 = 0
        for command in ModelRun.prefix { #expect(run.step(command) == nil) }
        var (recorded, refused) = (0, 0)
        for _ in 0..<2_000 {
            var command = trading.next()
            if rng.chance(10) {
                entries += UInt64.random(in: 0...3, using: &rng)
                let index = rng.chance(20) ? UInt64.random(in: 0...entries, using: &rng) : entries
                command = .recordAccessLogHead(AccessLogHead(index: index, hash: SHA256.hash([UInt8(truncatingIfNeeded: index)])))
            }
            let failure = run.step(command) ?? run.engine.invariantViolations().first.map { "after \(command): \($0)" }
            try #require(failure == nil, "seed \(seed): \(failure ?? "")")
            try #require(run.model.accessLogHead == run.engine.accessLogHead, "seed \(seed) after \(command)")
            trading.observe(run.model.events)
            guard case .recordAccessLogHead = command else { continue }
            if run.model.events.isEmpty { recorded += 1 } else { refused += 1 }
        }
        #expect(recorded > 10 && refused > 10, "seed \(seed): \(recorded) recorded, \(refused) refused")
        let restored = try Engine<FastBook>(encodedState: run.engine.encodedState())
        #expect(restored.stateHash() == run.engine.stateHash())
        #expect(restored.accessLogHead == run.model.accessLogHead)
    }
}
