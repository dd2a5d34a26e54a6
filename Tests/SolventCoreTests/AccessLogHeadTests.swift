import Testing
@testable import SolventCore
import SolventTestSupport

/// The auditors' access log in the journal: the engine keeps the newest head (index and hash), in
/// the snapshot and the state hash, and refuses a head whose index is not greater, so a log
/// rewritten from an older line cannot be checkpointed over what the journal already fixed.
@Suite struct AccessLogHeadTests {
    static func head(_ index: UInt64, _ byte: UInt8 = 1) -> AccessLogHead {
        AccessLogHead(index: index, hash: SHA256.hash([byte]))
    }

    @Test func aGreaterHeadIsRecordedAndChangesTheStateHash() {
        var engine = Engine<FastBookUnderTest>()
        let empty = engine.stateHash()
        #expect(engine.apply(.recordAccessLogHead(Self.head(1)), at: 1_000).isEmpty)
        #expect(engine.accessLogHead == Self.head(1))
        let first = engine.stateHash()
        #expect(first != empty)
        // Heads are journaled every so many entries, so the index jumps; it only has to go up.
        #expect(engine.apply(.recordAccessLogHead(Self.head(100, 2)), at: 2_000).isEmpty)
        #expect(engine.accessLogHead == Self.head(100, 2))
        #expect(engine.stateHash() != first)
    }

    @Test func aHeadThatDoesNotIncreaseIsRefused() {
        var engine = Engine<FastBookUnderTest>()
        #expect(engine.apply(.recordAccessLogHead(Self.head(0)), at: 1) == [.rejected(Rejection(.accessLogHeadNotIncreasing))])
        #expect(engine.accessLogHead == nil)
        _ = engine.apply(.recordAccessLogHead(Self.head(5)), at: 1_000)
        let hash = engine.stateHash()
        // The same index with another hash is exactly a rewritten log's head: refused like an older one.
        for refused in [Self.head(5, 2), Self.head(5), Self.head(4, 3), Self.head(0)] {
            #expect(engine.apply(.recordAccessLogHead(refused), at: 2_000) == [.rejected(Rejection(.accessLogHeadNotIncreasing))])
            #expect(engine.accessLogHead == Self.head(5))
            #expect(engine.stateHash() == hash)
        }
        #expect(RejectReason.accessLogHeadNotIncreasing.code == -1000)
        #expect(RejectReason.accessLogHeadNotIncreasing.message == "Access log index does not follow the latest journaled head.")
    }

    @Test func theHeadSurvivesASnapshotAndStillRefusesAnOlderOne() throws {
        var engine = Engine<FastBookUnderTest>()
        _ = engine.apply(.recordAccessLogHead(Self.head(7, 9)), at: 1_000)
        var restored = try Engine<FastBookUnderTest>(encodedState: engine.encodedState())
        #expect(restored.accessLogHead == Self.head(7, 9))
        #expect(restored.stateHash() == engine.stateHash())
        #expect(restored.apply(.recordAccessLogHead(Self.head(7)), at: 2_000) == [.rejected(Rejection(.accessLogHeadNotIncreasing))])
        #expect(restored.apply(.recordAccessLogHead(Self.head(8)), at: 2_000).isEmpty)
    }

    @Test func aSnapshotWithHeadZeroIsRefused() {
        var engine = Engine<FastBookUnderTest>()
        _ = engine.apply(.recordAccessLogHead(Self.head(1)), at: 1_000)
        var bytes = engine.encodedState()
        // The state ends with the head: presence byte, index u64, hash (32).
        let indexAt = bytes.count - 32 - 8
        #expect(bytes[indexAt] == 1)
        bytes[indexAt] = 0
        #expect(throws: BinaryDecodingError.invalidValue(offset: bytes.count, what: "access log head")) {
            try Engine<FastBookUnderTest>(encodedState: bytes)
        }
    }

    @Test func headBytesArePinned() throws {
        let head = AccessLogHead(index: 258, hash: SHA256Digest(bytes: [UInt8](repeating: 0xCD, count: 32))!)
        let expected: [UInt8] = [34]                        // tag recordAccessLogHead
            + [2, 1, 0, 0, 0, 0, 0, 0]                      // index
            + [UInt8](repeating: 0xCD, count: 32)           // hash
        #expect(Command.recordAccessLogHead(head).encoded() == expected)
        #expect(try Command.decode(expected) == .recordAccessLogHead(head))
        #expect(throws: BinaryDecodingError.self) { try Command.decode(Array(expected.dropLast())) }
    }
}
