/// The pieces every published document shares: it opens with `{"version":V,"exchange":"…",
/// "epoch":N,` and a signed one ends with `"keyId":"…","signature":"…"}` (headers, reserve
/// attestations; a proof opens the same way).
extension CanonicalReader {
    /// `{"version":<expected>,"exchange":"<name>","epoch":<int>,`
    mutating func opening(version expected: UInt16) throws(ParseError) -> (exchangeId: String, epoch: UInt64) {
        try expect("{")
        let version = try integer("version", max: UInt64(UInt16.max))
        guard version == expected else { throw ParseError(.unsupportedVersion(version), at: 0) }
        try expect(",")
        let exchange = try name("exchange"); try expect(",")
        let epoch = try integer("epoch", max: .max); try expect(",")
        return (exchange, epoch)
    }

    /// `"keyId":"<hex 8>","signature":"<hex 64>"}` and the end of the text.
    mutating func signedEnding() throws(ParseError) -> (keyId: KeyId, signature: [UInt8]) {
        let keyId = try hex("keyId", byteCount: KeyId.byteCount); try expect(",")
        let signature = try hex("signature", byteCount: SignedEpochHeader.signatureByteCount)
        try expect("}")
        try end()
        return (KeyId(value: keyId.reduce(0) { $0 << 8 | UInt64($1) }), signature)
    }
}

extension CanonicalWriter {
    mutating func opening(version: UInt16, exchangeId: String, epoch: UInt64) {
        raw("{")
        integer("version", version); raw(",")
        string("exchange", exchangeId); raw(",")
        integer("epoch", epoch); raw(",")
    }

    mutating func signedEnding(keyId: KeyId, signature: [UInt8]) {
        string("keyId", keyId.description); raw(",")
        string("signature", Hex.encode(signature)); raw("}")
    }
}
