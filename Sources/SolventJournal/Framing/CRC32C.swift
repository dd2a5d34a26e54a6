/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of every journal record
/// and snapshot. It detects every burst error up to 32 bits and every odd number of bit flips;
/// computed eight bytes at a time with the slicing-by-8 tables.
public enum CRC32C {
    /// The CRC of `bytes`, continuing from `crc` (start from 0).
    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        var state = ~crc
        var index = 0
        let count = bytes.count
        tables.withUnsafeBufferPointer { table in
            while index + 8 <= count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    ^ UInt64(state)
                state = slice(table, 7, word) ^ slice(table, 6, word >> 8) ^ slice(table, 5, word >> 16)
                    ^ slice(table, 4, word >> 24) ^ slice(table, 3, word >> 32) ^ slice(table, 2, word >> 40)
                    ^ slice(table, 1, word >> 48) ^ slice(table, 0, word >> 56)
                index += 8
            }
            while index < count {
                state = table[Int(UInt8(truncatingIfNeeded: state) ^ bytes[index])] ^ (state >> 8)
                index += 1
            }
        }
        return ~state
    }

    public static func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, continuing: crc) }
    }

    public static func checksum(_ bytes: ArraySlice<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, continuing: crc) }
    }

    @inline(__always)
    private static func slice(_ table: UnsafeBufferPointer<UInt32>, _ number: Int, _ byte: UInt64) -> UInt32 {
        table[number &* 256 &+ Int(UInt8(truncatingIfNeeded: byte))]
    }

    /// Table k maps a byte to its CRC after k further zero bytes: 8 × 256 entries.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[byte] = crc
        }
        for number in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(number - 1) * 256 + byte]
                tables[number * 256 + byte] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}
