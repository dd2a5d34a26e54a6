import SolventCore
import Testing
@testable import SolventJournal

/// The record format: what is written reads back as the same record, and a frame whose length
/// or checksum does not hold up is refused rather than decoded.
struct RecordFrameTests {
    static let samples: [Command] = [
        .listAsset(AssetSpec(name: "BTC")),
        .listMarket(TradingCommands.spec("BTCUSDT", base: 0, quote: 1, tick: 1_000_000, step: 1_000)),
        .openAccount(nil),
        .openAccount(FeeSchedule(makerBasisPoints: 10, takerBasisPoints: 20)),
        .deposit(1, 0, .max),
        .requestWithdrawal(2, 1, 5),
        .placeOrder(.limit(1, 0, .buy, price: 100_000_000, quantity: 5_000, clientOrderId: ClientOrderId("abc-1")!)),
        .placeOrder(NewOrder(account: 3, market: 1, side: .sell, type: .market, quoteOrderQuantity: 42)),
        .cancelOrder(CancelOrder(account: 1, market: 0, order: .id(17))),
        .cancelAllOrders(4, 1),
        .cancelReplace(CancelReplace(mode: .allowFailure, cancel: CancelOrder(account: 1, market: 0, order: .id(3)),
                                     replacement: .limit(1, 0, .sell, price: 7, quantity: 9))),
        .amendOrder(AmendOrder(account: 1, market: 0, order: .id(3), newQuantity: 1)),
        .setMarketStatus(0, .halt),
    ]

    static func frame(sequence: UInt64, time: Timestamp, command: Command) -> [UInt8] {
        var writer = BinaryWriter()
        RecordFrame.append(sequence: sequence, time: time, command: command, to: &writer)
        return writer.bytes
    }

    static func read(_ bytes: [UInt8], at offset: Int = 0) -> RecordFrame.Read {
        bytes.withUnsafeBytes { RecordFrame.read($0, at: offset) }
    }

    /// A frame around arbitrary body bytes (sequence, time, command) with a correct checksum.
    static func sealed(body: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        withUnsafeBytes(of: UInt32(body.count).littleEndian) { length.append(contentsOf: $0) }
        var crc: [UInt8] = []
        let checksum = CRC32C.checksum(body, continuing: CRC32C.checksum(length))
        withUnsafeBytes(of: checksum.littleEndian) { crc.append(contentsOf: $0) }
        return length + crc + body
    }

    static func setLength(_ length: UInt32, of bytes: inout [UInt8]) {
        withUnsafeBytes(of: length.littleEndian) { for (index, byte) in $0.enumerated() { bytes[index] = byte } }
    }

    @Test func everySampleCommandReadsBackAsTheSameRecord() {
        for (index, command) in Self.samples.enumerated() {
            let record = JournalRecord(sequence: UInt64(index) + 1, time: 1_700_000_000_000 + Int64(index), command: command)
            let bytes = Self.frame(sequence: record.sequence, time: record.time, command: command)
            #expect(Self.read(bytes) == .record(record, end: bytes.count), "\(command)")
        }
    }

    @Test func framesWrittenBackToBackReadInOrderWithTheirEnds() {
        var writer = BinaryWriter()
        for (index, command) in Self.samples.enumerated() {
            RecordFrame.append(sequence: UInt64(index) + 40, time: -5, command: command, to: &writer)
        }
        var offset = 0
        var read: [JournalRecord] = []
        while case .record(let record, let end) = Self.read(writer.bytes, at: offset) {
            #expect(end > offset)
            read.append(record)
            offset = end
        }
        #expect(offset == writer.bytes.count)
        #expect(read.map(\.command) == Self.samples)
        #expect(read.map(\.sequence) == Array(40..<(40 + UInt64(Self.samples.count))))
    }

    @Test func lengthsBelowTheMinimumOrAboveTheMaximumAreCorrupt() {
        let good = Self.frame(sequence: 1, time: 0, command: .openAccount(nil))
        for length in [0, 1, UInt32(RecordFrame.bodyLengthMin - 1), UInt32(RecordFrame.bodyLengthMax + 1), .max] {
            var bytes = good + [UInt8](repeating: 0, count: RecordFrame.bodyLengthMax + 64)
            Self.setLength(length, of: &bytes)
            #expect(Self.read(bytes) == .corrupt("record length \(length) out of range"))
        }
    }

    @Test func aFrameCutShortIsIncompleteNotCorrupt() {
        let bytes = Self.frame(sequence: 9, time: 1, command: Self.samples[1])
        for cut in [0, 1, RecordFrame.headerSize - 1, RecordFrame.headerSize, bytes.count - 1] {
            #expect(Self.read(Array(bytes[..<cut])) == .incomplete, "cut at \(cut)")
        }
    }

    @Test func anyChangedByteIsAChecksumMismatch() {
        let bytes = Self.frame(sequence: 3, time: 77, command: Self.samples[6])
        for offset in 4..<bytes.count {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(Self.read(damaged) == .corrupt("checksum mismatch"), "byte \(offset)")
        }
    }

    @Test func aChangedLengthThatStillFitsIsCaughtByTheChecksum() {
        // The checksum covers the length: a shorter length reads a prefix of the body, which
        // is not what was summed.
        var bytes = Self.frame(sequence: 3, time: 77, command: Self.samples[1])
        Self.setLength(UInt32(bytes.count - RecordFrame.prefixSize - 1), of: &bytes)
        #expect(Self.read(bytes) == .corrupt("checksum mismatch"))
    }

    @Test func aGoodChecksumAroundAnUndecodableCommandIsCorrupt() {
        var body = BinaryWriter()
        body.write(UInt64(1))
        body.write(Int64(0))
        body.write(UInt8(0xEE))  // no such command tag
        guard case .corrupt(let reason) = Self.read(Self.sealed(body: body.bytes)) else {
            Issue.record("an unknown command tag was accepted")
            return
        }
        #expect(reason.contains("does not decode"))

        var trailing = BinaryWriter()
        trailing.write(UInt64(1))
        trailing.write(Int64(0))
        Command.openAccount(nil).encode(to: &trailing)
        trailing.write(UInt8(0))  // a byte after a complete command
        guard case .corrupt(let trailingReason) = Self.read(Self.sealed(body: trailing.bytes)) else {
            Issue.record("a byte after the command was accepted")
            return
        }
        #expect(trailingReason.contains("does not decode"))
    }

    @Test func isIntactAcceptsOnlyGoodFramesWithAPlausibleSequence() {
        let bytes = Self.frame(sequence: 12, time: 0, command: .openAccount(nil))
        bytes.withUnsafeBytes { buffer in
            #expect(RecordFrame.isIntact(buffer, at: 0, sequences: 10...20))
            #expect(!RecordFrame.isIntact(buffer, at: 0, sequences: 13...20))
            #expect(!RecordFrame.isIntact(UnsafeRawBufferPointer(rebasing: buffer.dropLast()), at: 0, sequences: 10...20))
        }
        var damaged = bytes
        damaged[damaged.count - 1] ^= 1
        damaged.withUnsafeBytes { #expect(!RecordFrame.isIntact($0, at: 0, sequences: 10...20)) }
    }
}
