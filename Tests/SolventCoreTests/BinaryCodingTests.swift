import Testing
@testable import SolventCore

private enum Tag: UInt8 {
    case first = 1
    case second = 2
}

/// One field of every kind, with a hook that records where each value starts, so truncation
/// errors can be checked against the exact offset they should report.
private struct Sample: Equatable, BinaryEncodable, BinaryDecodable {
    var byte: UInt8 = 0xAB
    var short: UInt16 = 0xBEEF
    var word: UInt32 = 0xDEAD_BEEF
    var long: UInt64 = .max - 1
    var signedWord: Int32 = -7
    var signedLong: Int64 = .min
    var flag = true
    var name = "BTCUSDT ✓"
    var limit: Int64? = 42
    var missing: UInt32? = nil
    var tag = Tag.second
    var note: String? = "memo"

    func encode(to writer: inout BinaryWriter) {
        encode(to: &writer) { _ in }
    }

    func encode(to writer: inout BinaryWriter, markingStarts mark: (Int) -> Void) {
        mark(writer.bytes.count); writer.write(byte)
        mark(writer.bytes.count); writer.write(short)
        mark(writer.bytes.count); writer.write(word)
        mark(writer.bytes.count); writer.write(long)
        mark(writer.bytes.count); writer.write(signedWord)
        mark(writer.bytes.count); writer.write(signedLong)
        mark(writer.bytes.count); writer.write(flag)
        mark(writer.bytes.count); writer.write(name)
        mark(writer.bytes.count); writer.write(limit != nil)
        mark(writer.bytes.count); if let limit { writer.write(limit) }
        mark(writer.bytes.count); writer.writeOptional(missing)
        mark(writer.bytes.count); writer.writeEnum(tag)
        mark(writer.bytes.count); writer.write(note != nil)
        mark(writer.bytes.count); if let note { writer.write(note) }
    }

    init() {}

    init(from reader: inout BinaryReader) throws(BinaryDecodingError) {
        byte = try reader.readUInt8()
        short = try reader.readUInt16()
        word = try reader.readUInt32()
        long = try reader.readUInt64()
        signedWord = try reader.readInt32()
        signedLong = try reader.read(Int64.self)
        flag = try reader.readBool()
        name = try reader.readString(lengthMax: 64)
        limit = try reader.readOptional(Int64.self)
        missing = try reader.readOptional(UInt32.self)
        tag = try reader.readEnum(Tag.self)
        note = try reader.readOptionalString(lengthMax: 8)
    }
}

/// Runs `body` on a reader over `bytes` and returns the error it throws, if any.
private func decodingError(
    _ bytes: [UInt8], _ body: (inout BinaryReader) throws(BinaryDecodingError) -> Void
) -> BinaryDecodingError? {
    var reader = BinaryReader(bytes)
    do throws(BinaryDecodingError) {
        try body(&reader)
        return nil
    } catch {
        return error
    }
}

@Suite struct BinaryCodingTests {
    @Test func roundTripsEveryKind() throws {
        var writer = BinaryWriter()
        Sample().encode(to: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try Sample(from: &reader) == Sample())
        try reader.expectEnd()
        #expect(reader.isAtEnd)
    }

    @Test func pinsTheLittleEndianLayout() {
        var writer = BinaryWriter()
        writer.write(UInt16(0x0102))
        writer.write(UInt32(0x0102_0304))
        writer.write(Int64(-2))
        writer.write(Int32(-1))
        writer.write(true)
        writer.write("hé")
        writer.writeOptional(UInt16?.none)
        writer.writeOptional(UInt16(5))
        writer.writeEnum(Tag.second)
        #expect(writer.bytes == [
            0x02, 0x01,
            0x04, 0x03, 0x02, 0x01,
            0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF,
            0x01,
            0x03, 0x00, 0x00, 0x00, 0x68, 0xC3, 0xA9,
            0x00,
            0x01, 0x05, 0x00,
            0x02,
        ])
        writer.reset()
        writer.write(UInt64(0x0102_0304_0506_0708))
        #expect(writer.bytes == [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01])
    }

    @Test func everyTruncationThrowsAtTheCutValue() {
        var writer = BinaryWriter()
        var starts: [Int] = []
        Sample().encode(to: &writer) { starts.append($0) }
        let full = writer.bytes
        for length in 0..<full.count {
            let cutValueStart = starts.last { $0 <= length }!
            let error = decodingError(Array(full.prefix(length))) { reader throws(BinaryDecodingError) in
                _ = try Sample(from: &reader)
            }
            #expect(error == .truncated(offset: cutValueStart), "prefix of \(length) bytes")
        }
    }

    @Test func unknownTagsAndBoolsAreInvalid() {
        #expect(decodingError([0x01, 0x07]) { reader throws(BinaryDecodingError) in
            _ = try reader.readUInt8()
            _ = try reader.readEnum(Tag.self)
        } == .invalidValue(offset: 1, what: "Tag"))
        #expect(decodingError([0x02]) { reader throws(BinaryDecodingError) in
            _ = try reader.readBool()
        } == .invalidValue(offset: 0, what: "Bool"))
        #expect(decodingError([0x00]) { reader throws(BinaryDecodingError) in
            _ = try reader.readEnum(Tag.self)
        } == .invalidValue(offset: 0, what: "Tag"))
    }

    @Test func hugeStringLengthsFailWithoutAllocating() {
        let claimsFourGigabytes: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x61, 0x62]
        #expect(decodingError(claimsFourGigabytes) { reader throws(BinaryDecodingError) in
            _ = try reader.readString(lengthMax: .max)
        } == .truncated(offset: 0))
        #expect(decodingError(claimsFourGigabytes) { reader throws(BinaryDecodingError) in
            _ = try reader.readString(lengthMax: 36)
        } == .invalidValue(offset: 0, what: "String length"))
        #expect(decodingError([0x03, 0x00, 0x00, 0x00, 0x61, 0x62, 0x63]) { reader throws(BinaryDecodingError) in
            _ = try reader.readString(lengthMax: 2)
        } == .invalidValue(offset: 0, what: "String length"))
    }

    @Test func malformedUTF8IsInvalid() {
        #expect(decodingError([0x02, 0x00, 0x00, 0x00, 0xC3, 0x28]) { reader throws(BinaryDecodingError) in
            _ = try reader.readString(lengthMax: 16)
        } == .invalidValue(offset: 0, what: "UTF-8"))
    }

    @Test func leftoverBytesFailExpectEnd() {
        #expect(decodingError([0x01, 0x00, 0x09]) { reader throws(BinaryDecodingError) in
            _ = try reader.readUInt16()
            try reader.expectEnd()
        } == .invalidValue(offset: 2, what: "end of input"))
    }

    @Test func slicesCountOffsetsFromTheirOwnStart() throws {
        let bytes: [UInt8] = [0xEE, 0xEE, 0x34, 0x12, 0x01]
        var reader = BinaryReader(bytes[2...])
        #expect(try reader.readUInt16() == 0x1234)
        #expect(reader.offset == 2)
        #expect(reader.remainingCount == 1)
        #expect(throws: BinaryDecodingError.truncated(offset: 3)) {
            _ = try reader.readUInt8()
            _ = try reader.readUInt8()
        }
    }

    @Test func extremesRoundTrip() throws {
        var writer = BinaryWriter(capacity: 64)
        let values: [Int64] = [.min, -1, 0, 1, .max]
        for value in values { writer.write(value) }
        writer.write(UInt64.max)
        writer.write(Int32.min)
        writer.write("")
        var reader = BinaryReader(writer.bytes)
        for value in values { #expect(try reader.readInt64() == value) }
        #expect(try reader.read(UInt64.self) == .max)
        #expect(try reader.read(Int32.self) == .min)
        #expect(try reader.readString(lengthMax: 0) == "")
        #expect(reader.isAtEnd)
    }
}
