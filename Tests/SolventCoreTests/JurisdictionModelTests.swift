import Testing
@testable import SolventCore
import SolventTestSupport

/// Jurisdiction commands against the naive model, mixed into the ordinary trading stream, with
/// `enforceRulings` journaled as the sequencer does: before the first command at or after a due
/// time. The same events and balances command by command, every invariant after every command.
@Suite("Property: jurisdictions against the naive model")
struct JurisdictionModelTests {
    @Test(arguments: [UInt64(21), 22, 23])
    func jurisdictionsAgreeWithTheModel(seed: UInt64) throws {
        var (run, trading, rulings) = (ModelRun(), CommandGenerator(seed: seed), JurisdictionCommandGenerator(seed: seed))
        for command in ModelRun.prefix { #expect(run.step(command) == nil) }
        var seen = Set<String>()
        for _ in 0..<3_000 {
            let next = run.time + Int64(1 + (run.index + 1) % 7) * 1_000
            var commands = [rulings.rng.chance(12) ? rulings.next(now: next) : trading.next()]
            // As the sequencer does: a due ruling is enforced, journaled, before the command.
            if run.engine.rulingsDue(at: next) { commands.insert(.enforceRulings, at: 0) }
            for command in commands {
                // The same events and balances from both, and every invariant, after every command.
                let failure = run.step(command) ?? run.engine.invariantViolations().first.map { "after \(command): \($0)" }
                try #require(failure == nil, "seed \(seed): \(failure ?? "")")
                trading.observe(run.model.events)
                for event in run.model.events {
                    if case .rejected(let r) = event { seen.insert("\(r.reason)") }
                    if case .order(let e) = event, e.order.expiryReason == .jurisdictionRestricted { seen.insert("canceled") }
                    if case .custody(let e) = event { seen.insert("\(e.kind)") }
                }
            }
        }
        for expected in ["assetRestricted(SolventCore.AssetStanding.sellAndWithdrawOnly)", "assetRestricted(SolventCore.AssetStanding.blocked)",
                         "canceled", "rulingInForce", "jurisdictionChanged", "invalidJurisdiction"] {
            #expect(seen.contains(expected), "seed \(seed): the stream never produced \(expected)")
        }
        let restored = try Engine<FastBook>(encodedState: run.engine.encodedState())
        #expect(restored.stateHash() == run.engine.stateHash())
    }
}

/// Places for the six accounts and rulings on the three assets, some effective at once, some a
/// little later, now and then an unknown country or asset.
struct JurisdictionCommandGenerator {
    var rng: SplitMix64
    private let places = ["US", "US-NY", "US-CA", "FR", "FR-75", "XX"]
    private let action = OperatorAction(operatorName: "ops", reason: "property test", reference: "CASE-1")

    init(seed: UInt64) { rng = SplitMix64(seed: seed ^ 0x1A7E_5D1C) }

    mutating func next(now: Timestamp) -> Command {
        if rng.chance(30) {
            let place = rng.chance(15) ? nil : Jurisdiction(rng.pick(places))
            return .setAccountJurisdiction(AccountId.random(in: 1...6, using: &rng), place, action)
        }
        let standing: AssetStanding = rng.chance(45) ? .allowed : rng.chance(70) ? .sellAndWithdrawOnly : .blocked
        let delay = rng.chance(50) ? -Int64.random(in: 0...5_000, using: &rng) : Int64.random(in: 1...30_000, using: &rng)
        let ruling = AssetRuling(asset: rng.chance(3) ? 7 : AssetId.random(in: 0...2, using: &rng),
                                 jurisdiction: Jurisdiction(rng.pick(Array(places.prefix(rng.chance(5) ? 6 : 5)))),
                                 standing: standing, effectiveAt: now + delay, action: action)
        return .setAssetRuling(ruling)
    }
}
