import Crypto

/// A header with the exchange's Ed25519 signature over
/// `"solvent-pol-header-signature-v1" ‖ header.canonicalBytes`.
public struct SignedEpochHeader: Hashable, Sendable {
    public static let signatureByteCount = 64
    public let header: EpochHeader
    /// 64 bytes.
    public let signature: [UInt8]

    public init(header: EpochHeader, signature: [UInt8]) {
        precondition(signature.count == Self.signatureByteCount, "Ed25519 signatures are 64 bytes")
        self.header = header
        self.signature = signature
    }

    public var hash: Hash256 { header.hash }

    /// True when `signature` is `publicKey`'s over this header's signed bytes.
    public func isSigned(by publicKey: Curve25519.Signing.PublicKey) -> Bool {
        publicKey.isValidSignature(signature, for: header.signedBytes)
    }
}

extension EpochHeader {
    /// Sets `keyId` to `privateKey`'s and signs. Throws only if the crypto library fails.
    public func sign(with privateKey: Curve25519.Signing.PrivateKey) throws -> SignedEpochHeader {
        var header = self
        header.keyId = KeyId(publicKey: Array(privateKey.publicKey.rawRepresentation))
        let signature = try privateKey.signature(for: header.signedBytes)
        return SignedEpochHeader(header: header, signature: Array(signature))
    }

    var signedBytes: [UInt8] {
        ProofFormat.headerSignatureTag + canonicalBytes
    }
}
