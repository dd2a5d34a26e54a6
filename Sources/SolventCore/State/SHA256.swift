/// SHA-256 (FIPS 180-4), streaming, in plain Swift.
///
/// The core may not import a crypto library, yet users must be able to recompute the hash of the
/// exchange's state with any standard tool, so this is the standard function written out. All
/// state lives inline (no heap), so hashing a large snapshot in many `update` calls allocates nothing.
public struct SHA256: Sendable {
    public typealias Digest = SHA256Digest

    /// H0…H7: the running hash.
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    /// Input waiting for a full 64-byte block, in its first `pendingCount` bytes.
    private var pending: Block
    private var pendingCount: Int
    /// Bytes hashed so far; FIPS 180-4 limits messages to 2^64 bits, far beyond any snapshot.
    private var messageByteCount: UInt64

    public init() {
        state = (0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A, 0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19)
        pending = Self.zeroBlock
        pendingCount = 0
        messageByteCount = 0
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: some Sequence<UInt8>) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Appends `bytes` to the message; contiguous collections take the buffer path.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        guard handled == nil else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.blockLength) { chunk in
            var count = 0
            for byte in bytes {
                chunk[count] = byte
                count += 1
                if count == chunk.count {
                    update(UnsafeRawBufferPointer(chunk))
                    count = 0
                }
            }
            update(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: chunk[..<count])))
        }
    }

    /// Appends `bytes` to the message, compressing whole blocks straight from the caller's memory.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        messageByteCount &+= UInt64(bytes.count)
        var rest = bytes[...]
        if pendingCount > 0 {
            rest = rest.dropFirst(fillPending(from: UnsafeRawBufferPointer(rebasing: rest)))
            guard pendingCount == Self.blockLength else { return }
            compressPending()
        }
        while rest.count >= Self.blockLength {
            compress(UnsafeRawBufferPointer(rebasing: rest.prefix(Self.blockLength)))
            rest = rest.dropFirst(Self.blockLength)
        }
        if !rest.isEmpty { _ = fillPending(from: UnsafeRawBufferPointer(rebasing: rest)) }
    }

    /// Pads the message and returns its digest. The hasher starts over afterwards, so it can be reused.
    public mutating func finalize() -> SHA256Digest {
        let bitCount = messageByteCount &* 8
        // One 0x80 byte, zeros up to 8 bytes short of a block boundary, then the bit length big-endian.
        let zeroCount = (Self.blockLength + 55 - pendingCount) % Self.blockLength
        update(CollectionOfOne(UInt8(0x80)))
        withUnsafeBytes(of: Self.zeroBlock) { update(UnsafeRawBufferPointer(rebasing: $0[..<zeroCount])) }
        withUnsafeBytes(of: bitCount.bigEndian) { update($0) }
        assert(pendingCount == 0, "padding must end on a block boundary")
        let (h0, h1, h2, h3, h4, h5, h6, h7) = state
        self = SHA256()
        return SHA256Digest(
            UInt64(h0) << 32 | UInt64(h1), UInt64(h2) << 32 | UInt64(h3),
            UInt64(h4) << 32 | UInt64(h5), UInt64(h6) << 32 | UInt64(h7)
        )
    }

    /// 64 bytes held inline; a tuple because fixed-size arrays would need a newer OS.
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    private static let zeroBlock: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    static let blockLength = 64

    /// Copies as much of `source` as fits into the pending block and returns how many bytes that was.
    private mutating func fillPending(from source: UnsafeRawBufferPointer) -> Int {
        let offset = pendingCount
        let count = min(Self.blockLength - offset, source.count)
        withUnsafeMutableBytes(of: &pending) { block in
            block.baseAddress!.advanced(by: offset).copyMemory(from: source.baseAddress!, byteCount: count)
        }
        pendingCount += count
        return count
    }

    private mutating func compressPending() {
        let block = pending
        withUnsafeBytes(of: block) { compress($0) }
        pendingCount = 0
    }

    /// The compression function: folds one 64-byte block into `state`.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        assert(block.count == Self.blockLength, "compress takes exactly one block")
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for t in 0..<16 {
                schedule[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
            }
            for t in 16..<64 {
                let w15 = schedule[t - 15], w2 = schedule[t - 2]
                let sigma0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
                let sigma1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
                schedule[t] = sigma1 &+ schedule[t - 7] &+ sigma0 &+ schedule[t - 16]
            }
            var (a, b, c, d, e, f, g, h) = state
            for t in 0..<64 {
                let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                let choice = (e & f) ^ (~e & g)
                let temp1 = h &+ sum1 &+ choice &+ sha256RoundConstants[t] &+ schedule[t]
                let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ sum0 &+ majority)
            }
            state = (
                state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
            )
        }
    }
}

/// A SHA-256 hash: 32 bytes held inline as four big-endian words, so digests compare and hash cheaply.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    /// Bytes 0–7, 8–15, 16–23 and 24–31, each read as a big-endian number.
    private let word0, word1, word2, word3: UInt64

    init(_ word0: UInt64, _ word1: UInt64, _ word2: UInt64, _ word3: UInt64) {
        (self.word0, self.word1, self.word2, self.word3) = (word0, word1, word2, word3)
    }

    /// The digest whose bytes are `bytes`; `nil` unless there are exactly 32.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var values: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() { values[index / 8] = values[index / 8] << 8 | UInt64(byte) }
        self.init(values[0], values[1], values[2], values[3])
    }

    /// The 32 bytes in standard order.
    public var bytes: [UInt8] {
        [word0, word1, word2, word3].flatMap { word in
            (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) }
        }
    }

    /// Lowercase hex, as `sha256sum` prints it.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }
}

extension UInt32 {
    /// Rotation right by `count` bits, which SHA-256 uses throughout.
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}

/// K0…K63: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
private let sha256RoundConstants: [UInt32] = [
    0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5,
    0xD807_AA98, 0x1283_5B01, 0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174,
    0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC, 0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA,
    0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147, 0x06CA_6351, 0x1429_2967,
    0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
    0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070,
    0x19A4_C116, 0x1E37_6C08, 0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3,
    0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208, 0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2,
]
