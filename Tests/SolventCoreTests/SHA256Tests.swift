import Testing
@testable import SolventCore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func standardVectors(message: String, hex: String) {
        #expect(SHA256.hash(message.utf8).description == hex)
        #expect(SHA256.hash(Array(message.utf8)).description == hex)
    }

    @Test func oneMillionAs() {
        var hasher = SHA256()
        let thousand = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(thousand) }
        #expect(hasher.finalize().description == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every message length 0..<200, so each padding case (55, 56, 63, 64, 65 … bytes) is covered;
    /// the expected value is Python's hashlib over the same concatenation of digests.
    @Test func everyPaddingBoundary() {
        var outer = SHA256()
        for length in 0..<200 {
            outer.update(SHA256.hash(Self.pattern(count: length)).bytes)
        }
        #expect(outer.finalize().description == "615d67a99b8c846e1f0582dfe127019e93c33a66e89ced6a4f81f932c82ece87")
    }

    @Test func chunkingDoesNotChangeTheDigest() {
        let message = Self.pattern(count: 5000)
        let whole = SHA256.hash(message)
        var seed: UInt64 = 0x5A5A_1234
        for _ in 0..<50 {
            var hasher = SHA256()
            var start = 0
            while start < message.count {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let end = min(message.count, start + Int(seed >> 33) % 150)
                hasher.update(message[start..<end])
                start = end
            }
            #expect(hasher.finalize() == whole)
        }
    }

    @Test func everyInputPathAgrees() {
        let message = Self.pattern(count: 777)
        let whole = SHA256.hash(message)
        var raw = SHA256()
        message.withUnsafeBytes { raw.update($0) }
        #expect(raw.finalize() == whole)
        var lazy = SHA256()
        lazy.update((0..<777).lazy.map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        #expect(lazy.finalize() == whole)
    }

    @Test func finalizeStartsOver() {
        var hasher = SHA256()
        hasher.update("junk".utf8)
        _ = hasher.finalize()
        hasher.update("abc".utf8)
        #expect(hasher.finalize() == SHA256.hash("abc".utf8))
    }

    @Test func digestBytesRoundTrip() throws {
        let digest = SHA256.hash("abc".utf8)
        #expect(digest.bytes.count == 32)
        #expect(digest.bytes.prefix(4) == [0xBA, 0x78, 0x16, 0xBF])
        #expect(SHA256Digest(bytes: digest.bytes) == digest)
        #expect(SHA256Digest(bytes: digest.bytes.dropLast()) == nil)
        #expect(Set([digest, SHA256Digest(bytes: digest.bytes)!, SHA256.hash([])]).count == 2)
    }

    /// Bytes (7i + 3) mod 256, matching the Python reference for `everyPaddingBoundary`.
    private static func pattern(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    }
}
