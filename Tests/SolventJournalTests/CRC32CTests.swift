import Testing
@testable import SolventJournal
import SolventTestSupport

/// The checksum of every record and snapshot: standard vectors, and the fast slicing-by-8 loop
/// against the textbook one-byte-at-a-time definition.
struct CRC32CTests {
    /// CRC-32C computed bit by bit from the reflected polynomial: obviously right, slow.
    static func reference(_ bytes: some Sequence<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        var state = ~crc
        for byte in bytes {
            state ^= UInt32(byte)
            for _ in 0..<8 { state = state & 1 == 1 ? (state >> 1) ^ 0x82F6_3B78 : state >> 1 }
        }
        return ~state
    }

    @Test func standardVectorsGiveTheirPublishedChecksums() {
        // RFC 3720 (iSCSI) appendix B.4 and the "check" value of the CRC catalogue.
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    @Test func referenceAgreesWithTheStandardVector() {
        #expect(Self.reference(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func slicingByEightEqualsBytewiseOnRandomLengthsAndOffsets() {
        var random = SplitMix64(seed: 0xC5C)
        let data = (0..<4_200).map { _ in UInt8.random(in: 0...255, using: &random) }
        data.withUnsafeBytes { buffer in
            for _ in 0..<400 {
                // Unaligned starts and every length class around the 8-byte step.
                let start = Int.random(in: 0..<64, using: &random)
                let count = random.chance(50) ? Int.random(in: 0...24, using: &random)
                                              : Int.random(in: 0...(data.count - start), using: &random)
                let slice = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + count)])
                #expect(CRC32C.checksum(slice) == Self.reference(data[start..<(start + count)]),
                        "start \(start), count \(count)")
            }
        }
    }

    @Test func continuingAcrossASplitEqualsOneChecksumOfTheWhole() {
        var random = SplitMix64(seed: 7)
        let data = (0..<1_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        for split in [0, 1, 7, 8, 9, 500, 999, 1_000] {
            let first = CRC32C.checksum(data[..<split])
            #expect(CRC32C.checksum(data[split...], continuing: first) == CRC32C.checksum(data), "split \(split)")
        }
    }

    @Test func everySingleBitFlipChangesTheChecksum() {
        var data = Array("the journal's record bytes".utf8)
        let original = CRC32C.checksum(data)
        for bit in 0..<(data.count * 8) {
            data[bit / 8] ^= 1 << (bit % 8)
            #expect(CRC32C.checksum(data) != original, "bit \(bit)")
            data[bit / 8] ^= 1 << (bit % 8)
        }
    }
}
