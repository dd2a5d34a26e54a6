import _CryptoExtras
import Crypto
import Foundation

/// An API key's credential made ready to check REST signatures: the HMAC pads absorbed, the
/// Ed25519 or RSA public key parsed, once when the key is installed instead of on every request.
public struct SignatureVerifier: Sendable {
    // @unchecked: swift-crypto does not mark its public-key types Sendable; they are immutable
    // values that are only ever read.
    private enum Prepared: @unchecked Sendable {
        case hmac(HMACSigningKey)
        /// `nil`: key material that never verifies anything.
        case ed25519(Curve25519.Signing.PublicKey?)
        case rsa(_RSA.Signing.PublicKey?)
    }

    private let prepared: Prepared

    public init(_ credential: APIKeyCredential) {
        switch credential {
        case .hmac(let secret): prepared = .hmac(HMACSigningKey(secret: secret))
        case .ed25519(let publicKey): prepared = .ed25519(try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey))
        case .rsa(let pem): prepared = .rsa(APIKeyCredential.rsaKey(pem))
        }
    }

    /// Whether the request's signature signs its payload under this key. An HMAC key hashes the
    /// payload in place; the others take it as one array (their own verification costs far more).
    public func verifies(_ signed: SignedRequest) -> Bool {
        guard case .hmac(let key) = prepared else { return verifies(signature: signed.signature, payload: signed.payload) }
        return signed.withSignature { hex in signed.withPayloadParts { key.verifies(hex: hex, parts: ($0, $1, $2)) } }
    }

    /// Whether `signature` (hex for HMAC, base64 for Ed25519 and RSA) signs `payload`: for
    /// payloads built whole, as the WebSocket API's sorted parameters are. Never throws: a
    /// malformed signature or key simply does not verify.
    public func verifies(signature: String, payload: [UInt8]) -> Bool {
        switch prepared {
        case .hmac(let key):
            var hex = signature
            let none = UnsafeRawBufferPointer(start: nil, count: 0)
            return hex.withUTF8 { hex in payload.withUnsafeBytes { key.verifies(hex: hex, parts: ($0, none, none)) } }
        case .ed25519(let key):
            guard let key, let raw = Data(base64Encoded: signature) else { return false }
            return key.isValidSignature(raw, for: payload)
        case .rsa(let key):
            guard let key, let raw = Data(base64Encoded: signature) else { return false }
            return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: raw), for: payload,
                                        padding: .insecurePKCS1v1_5)
        }
    }
}
