import Foundation

/// Reads an RSA public key's modulus and exponent out of a PEM document, in Swift, before
/// swift-crypto sees it: swift-crypto 3.12's DER parser frees its key twice when the bytes do
/// not parse (`BoringSSLRSAPublicKey.Backing.init(contiguousDerRepresentation:)` frees, then
/// throws, then its deinit frees again), so untrusted text must never reach it. Keys are
/// built from (n, e) instead.
///
/// Accepts `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo, rsaEncryption) and
/// `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1 RSAPublicKey).
enum RSAPublicKeyDER {
    /// OID 1.2.840.113549.1.1.1 (rsaEncryption), DER-encoded contents.
    static let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]

    static func numbers(fromPEM pem: String) -> (n: [UInt8], e: [UInt8])? {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
            .filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: body) else { return nil }
        var reader = DERReader(Array(der))
        guard let outer = reader.read(tag: 0x30), reader.isAtEnd else { return nil }
        var sequence = DERReader(outer)
        if let pkcs1 = rsaPublicKey(sequence) { return pkcs1 }
        guard let algorithm = sequence.read(tag: 0x30), let bits = sequence.read(tag: 0x03), sequence.isAtEnd else {
            return nil
        }
        var identifier = DERReader(algorithm)
        guard identifier.read(tag: 0x06) == rsaEncryption[...], bits.first == 0 else { return nil }
        return rsaPublicKey(DERReader(Array(bits.dropFirst())))
    }

    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }, given its contents
    /// (or, for SPKI's bit string, the whole encoding).
    private static func rsaPublicKey(_ input: DERReader) -> (n: [UInt8], e: [UInt8])? {
        var reader = input
        if reader.peekTag == 0x30 {
            guard let inner = reader.read(tag: 0x30), reader.isAtEnd else { return nil }
            reader = DERReader(inner)
        }
        guard let modulus = reader.read(tag: 0x02), let exponent = reader.read(tag: 0x02), reader.isAtEnd,
              !modulus.isEmpty, !exponent.isEmpty else { return nil }
        return (Array(modulus.drop { $0 == 0 }), Array(exponent.drop { $0 == 0 }))
    }
}

/// Definite-length DER, just enough for the structures above.
struct DERReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(_ slice: ArraySlice<UInt8>) {
        self.init(Array(slice))
    }

    var isAtEnd: Bool { offset == bytes.count }

    var peekTag: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// The contents of the next element if its tag is `tag`.
    mutating func read(tag: UInt8) -> ArraySlice<UInt8>? {
        guard peekTag == tag, offset + 1 < bytes.count else { return nil }
        var cursor = offset + 1
        var length = Int(bytes[cursor])
        cursor += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard (1...4).contains(count), cursor + count <= bytes.count else { return nil }
            length = bytes[cursor..<(cursor + count)].reduce(0) { $0 << 8 | Int($1) }
            cursor += count
        }
        guard length >= 0, cursor + length <= bytes.count else { return nil }
        offset = cursor + length
        return bytes[cursor..<(cursor + length)]
    }
}
