import Foundation

/// PEM text for Ed25519 keys (RFC 8410), which swift-crypto 3.12 neither reads nor writes:
/// a fixed DER prefix followed by the 32 raw key bytes, base64 between the armour lines.
public enum Ed25519PEM {
    /// SubjectPublicKeyInfo up to the key: SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }.
    static let publicKeyPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    /// PKCS#8 PrivateKeyInfo up to the seed: version 0, the OID, OCTET STRING { OCTET STRING }.
    static let privateKeyPrefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
    static let keyByteCount = 32

    /// The raw public key of a `-----BEGIN PUBLIC KEY-----` document, or `nil`.
    public static func publicKey(fromPEM pem: String) -> [UInt8]? {
        rawKey(fromPEM: pem, prefix: publicKeyPrefix)
    }

    /// The raw private key (seed) of a `-----BEGIN PRIVATE KEY-----` document, or `nil`.
    public static func privateKey(fromPEM pem: String) -> [UInt8]? {
        rawKey(fromPEM: pem, prefix: privateKeyPrefix)
    }

    /// The PEM a client's library reads for a raw 32-byte public key.
    public static func publicKeyPEM(raw: [UInt8]) -> String {
        precondition(raw.count == keyByteCount, "an Ed25519 key is 32 bytes")
        return document("PUBLIC KEY", der: publicKeyPrefix + raw)
    }

    /// The PKCS#8 PEM ccxt, python-binance and the Binance SDKs load for a raw 32-byte seed.
    public static func privateKeyPEM(raw: [UInt8]) -> String {
        precondition(raw.count == keyByteCount, "an Ed25519 key is 32 bytes")
        return document("PRIVATE KEY", der: privateKeyPrefix + raw)
    }

    private static func rawKey(fromPEM pem: String, prefix: [UInt8]) -> [UInt8]? {
        let body = pem.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("-----") }
            .joined()
            .filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: body), der.count == prefix.count + keyByteCount,
              der.starts(with: prefix) else { return nil }
        return Array(der.dropFirst(prefix.count))
    }

    private static func document(_ label: String, der: [UInt8]) -> String {
        // At most 48 bytes: one base64 line of 64 characters, as PEM wants.
        "-----BEGIN \(label)-----\n\(Data(der).base64EncodedString())\n-----END \(label)-----\n"
    }
}
