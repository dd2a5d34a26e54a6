import Testing
@testable import SolventCore
import SolventTestSupport

@Suite("State encoding and hash")
struct StateHashTests {
    /// An engine after a few thousand random commands.
    private func busyEngine(seed: UInt64, commands: Int = 2_000) -> (Engine<FastBookUnderTest>, [Command]) {
        var engine = Engine<FastBookUnderTest>()
        var generator = CommandGenerator(seed: seed)
        var log: [Command] = []
        var time: Timestamp = 1_700_000_000_000
        for command in TestMarkets.setupCommands + generator.fundingCommands {
            _ = engine.apply(command, at: time)
        }
        for _ in 0..<commands {
            time += 1_000
            let command = generator.next()
            log.append(command)
            generator.observe(engine.apply(command, at: time))
        }
        return (engine, log)
    }

    @Test func twoEnginesFedTheSameCommandsHaveEqualHashes() {
        let (first, _) = busyEngine(seed: 7)
        let (second, _) = busyEngine(seed: 7)
        let (other, _) = busyEngine(seed: 8)
        #expect(first.stateHash() == second.stateHash())
        #expect(first.stateHash() != other.stateHash())
    }

    @Test func theHashSeesASingleUnitMove() {
        var (engine, _) = busyEngine(seed: 9, commands: 300)
        let before = engine.stateHash()
        _ = engine.apply(.deposit(1, TestMarkets.btc, 1), at: 1_800_000_000_000)
        #expect(engine.stateHash() != before)
    }

    @Test func snapshotRoundTripsAndTheRestoredEngineBehavesTheSame() throws {
        var (live, _) = busyEngine(seed: 11)
        var restored = try Engine<FastBookUnderTest>(encodedState: live.encodedState())
        #expect(restored.encodedState() == live.encodedState())
        var generator = CommandGenerator(seed: 99)
        for step in 0..<1_000 {
            let command = generator.next()
            let time = 1_800_000_000_000 + Int64(step) * 1_000
            let expected = live.apply(command, at: time)
            #expect(restored.apply(command, at: time) == expected)
            generator.observe(expected)
        }
        #expect(restored.stateHash() == live.stateHash())
    }

    @Test func aNewEngineHasAPinnedHash() {
        // The empty state's bytes are fixed by the format; this changes only with a new version.
        let engine = Engine<FastBookUnderTest>()
        // Version 6: the fee account's fees, canTrade, frozen and balancesUpdatedAt (18); then no
        // markets, no withdrawals, next deposit id (8), no deposits, chain cursors, withdrawal
        // limits or recent withdrawals, no epoch (1), no withdrawal protections (4), no jurisdictions (4) nor rulings (4),
        // no access-log head (1).
        #expect(engine.encodedState().count == 8 + 2 + 24 + 4 + 4 + 18 + 4 + 4 + 8 + 4 + 4 + 4 + 4 + 1 + 4 + 4 + 4 + 1)
        #expect("\(engine.stateHash())" == "8e85adf3a764c6065c9932bc5f0d5f635ad9bbb85b4d0a0ea45b678c35b69c9e")
    }

    /// Offset of the fee account's frozen flag in the empty state: magic, version, counters,
    /// no assets, one account, its fees (8) and canTrade.
    static let frozenAt = 8 + 2 + 24 + 4 + 4 + 9

    @Test func aVersionTwoSnapshotStillDecodesWithBalancesUpdatedAtZero() throws {
        // Version 2 of the empty state: no balancesUpdatedAt after the frozen flag, no epoch.
        var bytes = Engine<FastBookUnderTest>().encodedState()
        bytes[8] = 2
        bytes.removeSubrange(Self.frozenAt + 1..<Self.frozenAt + 9)
        bytes.removeLast(1 + 4 + 8 + 1)
        let decoded = try Engine<FastBookUnderTest>(encodedState: bytes)
        #expect(decoded.stateHash() == Engine<FastBookUnderTest>().stateHash())
        #expect(decoded.ledger.accounts[0].balancesUpdatedAt == 0 && decoded.latestEpoch == nil)
    }

    @Test func aVersionThreeSnapshotStillDecodesWithoutProtections() throws {
        var bytes = Engine<FastBookUnderTest>().encodedState()
        bytes[8] = 3
        bytes.removeLast(4 + 8 + 1)
        #expect(try Engine<FastBookUnderTest>(encodedState: bytes).stateHash() == Engine<FastBookUnderTest>().stateHash())
    }

    @Test func aVersionFourSnapshotStillDecodesWithoutJurisdictions() throws {
        var bytes = Engine<FastBookUnderTest>().encodedState()
        bytes[8] = 4
        bytes.removeLast(8 + 1)
        let decoded = try Engine<FastBookUnderTest>(encodedState: bytes)
        #expect(decoded.stateHash() == Engine<FastBookUnderTest>().stateHash())
        #expect(decoded.rulingHistory.isEmpty)
        // The same bytes under version 5 lack the jurisdictions' part and are refused.
        bytes[8] = 5
        #expect(throws: BinaryDecodingError.self) { try Engine<FastBookUnderTest>(encodedState: bytes) }
    }

    @Test func aVersionFiveSnapshotStillDecodesWithoutAnAccessLogHead() throws {
        var bytes = Engine<FastBookUnderTest>().encodedState()
        bytes[8] = 5
        bytes.removeLast(1)
        let decoded = try Engine<FastBookUnderTest>(encodedState: bytes)
        #expect(decoded.stateHash() == Engine<FastBookUnderTest>().stateHash())
        #expect(decoded.accessLogHead == nil)
        // The same bytes under version 6 lack the head's presence byte and are refused.
        bytes[8] = 6
        #expect(throws: BinaryDecodingError.self) { try Engine<FastBookUnderTest>(encodedState: bytes) }
    }

    @Test func aVersionOneSnapshotStillDecodes() throws {
        // Version 1 of the empty state: no frozen flag or balancesUpdatedAt after the fee
        // account, no custody part, no epoch.
        var bytes = Engine<FastBookUnderTest>().encodedState()
        bytes[8] = 1
        bytes.removeSubrange(Self.frozenAt..<Self.frozenAt + 9)
        bytes.removeLast(8 + 4 + 4 + 4 + 4 + 1 + 4 + 8 + 1)
        #expect(bytes.count == 8 + 2 + 24 + 4 + 4 + 9 + 4 + 4)
        let decoded = try Engine<FastBookUnderTest>(encodedState: bytes)
        #expect(decoded.stateHash() == Engine<FastBookUnderTest>().stateHash())
    }

    @Test func anUnknownVersionIsRefused() {
        var bytes = Engine<FastBookUnderTest>().encodedState()
        for version: UInt8 in [0, 7, 255] {
            bytes[8] = version
            #expect(throws: BinaryDecodingError.invalidValue(offset: 10, what: "state version")) {
                try Engine<FastBookUnderTest>(encodedState: bytes)
            }
        }
    }

    @Test func corruptSnapshotsThrowAndNeverTrap() {
        let (engine, _) = busyEngine(seed: 13, commands: 500)
        let bytes = engine.encodedState()
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(throws: BinaryDecodingError.self) { try Engine<FastBookUnderTest>(encodedState: Array(bytes[..<cut])) }
        }
        var random = SplitMix64(seed: 5)
        var decodedValid = 0
        for _ in 0..<2_000 {
            var mutated = bytes
            let at = Int.random(in: 0..<mutated.count, using: &random)
            mutated[at] ^= UInt8.random(in: 1...255, using: &random)
            if let engine = try? Engine<FastBookUnderTest>(encodedState: mutated) {
                decodedValid += 1
                #expect(engine.invariantViolations().isEmpty)
            }
        }
        #expect(decodedValid < 2_000)
    }
}

@Suite("Value layout")
struct ValueLayoutTests {
    @Test func eventsArePlainData() {
        // Plain data is what keeps event copies to a memcpy and clearing a buffer free.
        #expect(_isPOD(Event.self))
        #expect(_isPOD(Order.self))
    }
}
