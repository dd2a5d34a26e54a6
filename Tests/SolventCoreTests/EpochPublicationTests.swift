import Testing
@testable import SolventCore
import SolventTestSupport

/// The journal's epochs: the engine keeps the newest header's number, hash and bytes, in the
/// snapshot and the state hash, and refuses any header whose epoch is not newer, so the journal
/// holds one header per epoch.
@Suite struct EpochPublicationTests {
    static func publication(_ epoch: UInt64, _ byte: UInt8 = 1) -> EpochPublication {
        EpochPublication(epoch: epoch, headerHash: SHA256.hash([byte]), signedHeader: [UInt8](repeating: byte, count: 200))
    }

    @Test func aNewerEpochIsRecordedAndChangesTheStateHash() {
        var engine = Engine<FastBookUnderTest>()
        let empty = engine.stateHash()
        #expect(engine.apply(.publishEpoch(Self.publication(1)), at: 1_000).isEmpty)
        #expect(engine.latestEpoch == Self.publication(1))
        let first = engine.stateHash()
        #expect(first != empty)
        // Epochs published before headers were journaled leave a gap; the number only has to go up.
        #expect(engine.apply(.publishEpoch(Self.publication(5)), at: 2_000).isEmpty)
        #expect(engine.latestEpoch?.epoch == 5)
        #expect(engine.stateHash() != first)
    }

    @Test func aSecondHeaderForAnEpochOrAnOlderOneIsRefused() {
        var engine = Engine<FastBookUnderTest>()
        _ = engine.apply(.publishEpoch(Self.publication(3)), at: 1_000)
        let hash = engine.stateHash()
        for refused in [Self.publication(3, 2), Self.publication(3), Self.publication(2, 2)] {
            let events = engine.apply(.publishEpoch(refused), at: 2_000)
            #expect(events == [.rejected(Rejection(.epochNotIncreasing))])
            #expect(engine.latestEpoch == Self.publication(3))
            #expect(engine.stateHash() == hash)
        }
        #expect(RejectReason.epochNotIncreasing.code == -1000)
    }

    @Test func anEmptyOrEpochZeroHeaderIsRefused() {
        var engine = Engine<FastBookUnderTest>()
        let empty = EpochPublication(epoch: 1, headerHash: SHA256.hash([]), signedHeader: [])
        #expect(engine.apply(.publishEpoch(empty), at: 1) == [.rejected(Rejection(.invalidEpochHeader))])
        #expect(engine.apply(.publishEpoch(Self.publication(0)), at: 1) == [.rejected(Rejection(.epochNotIncreasing))])
        #expect(engine.latestEpoch == nil)
    }

    @Test func theLatestEpochSurvivesASnapshot() throws {
        var engine = Engine<FastBookUnderTest>()
        _ = engine.apply(.publishEpoch(Self.publication(7, 9)), at: 1_000)
        let restored = try Engine<FastBookUnderTest>(encodedState: engine.encodedState())
        #expect(restored.latestEpoch == Self.publication(7, 9))
        #expect(restored.stateHash() == engine.stateHash())
    }

    @Test func aSnapshotWithAnImpossibleEpochIsRefused() {
        var engine = Engine<FastBookUnderTest>()
        _ = engine.apply(.publishEpoch(Self.publication(1)), at: 1_000)
        var bytes = engine.encodedState()
        // The state ends with the epoch (presence byte, epoch u64, hash, u32 count, 200 header
        // bytes), then the protections' count (u32), the jurisdictions' and the rulings' (u32 each),
        // and no access-log head (1).
        let epochAt = bytes.count - 1 - 4 - 8 - 200 - 4 - 32 - 8
        for index in 0..<8 { bytes[epochAt + index] = 0 }
        #expect(throws: BinaryDecodingError.self) { try Engine<FastBookUnderTest>(encodedState: bytes) }
    }

    @Test func publicationBytesArePinned() {
        let publication = EpochPublication(epoch: 2, headerHash: SHA256Digest(bytes: [UInt8](repeating: 0xAB, count: 32))!,
                                           signedHeader: [1, 2, 3])
        let expected: [UInt8] = [16]                        // tag publishEpoch
            + [2, 0, 0, 0, 0, 0, 0, 0]                      // epoch
            + [UInt8](repeating: 0xAB, count: 32)           // header hash
            + [3, 0, 0, 0] + [1, 2, 3]                      // signed header
        #expect(Command.publishEpoch(publication).encoded() == expected)
    }

    @Test func anOverlongHeaderIsNotEncodableAndDoesNotDecode() {
        let long = EpochPublication(epoch: 1, headerHash: SHA256.hash([]),
                                    signedHeader: [UInt8](repeating: 0, count: EpochPublication.signedHeaderBytesMax + 1))
        #expect(!Command.publishEpoch(long).isBinaryEncodable)
        var bytes = Command.publishEpoch(Self.publication(1)).encoded()
        let countAt = 1 + 8 + 32
        bytes.replaceSubrange(countAt..<countAt + 4, with: [0x01, 0x00, 0x01, 0x00])  // 65_537
        #expect(throws: BinaryDecodingError.self) { try Command.decode(bytes) }
    }
}
