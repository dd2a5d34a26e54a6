import _CryptoExtras
import Crypto
import Foundation

/// What an API key was registered with, and so how its requests' signatures are checked
/// (spec §2.2). Each key has exactly one.
public enum APIKeyCredential: Sendable, Hashable {
    /// A shared secret: the signature is the lowercase hex of HMAC-SHA256(secret, payload).
    case hmac(secret: [UInt8])
    /// A raw 32-byte Ed25519 public key: the signature is base64 of Ed25519(payload).
    case ed25519(publicKey: [UInt8])
    /// An RSA public key (2048 bits or more) in PEM: the signature is base64 of
    /// RSASSA-PKCS1-v1_5 over SHA-256(payload).
    case rsa(publicKeyPEM: String)

    /// Whether `signature` (as `SignedRequest.payload` returns it) signs `payload` under this key,
    /// preparing the key for this one check (a server keeps a `SignatureVerifier` per key instead).
    public func verifies(signature: String, payload: [UInt8]) -> Bool {
        SignatureVerifier(self).verifies(signature: signature, payload: payload)
    }

    /// Whether the key material can verify anything: a non-empty secret, a valid Ed25519 point,
    /// an RSA public key of 2048 bits or more that parses. For checking a key when it is registered.
    public var isUsable: Bool {
        switch self {
        case .hmac(let secret): !secret.isEmpty
        case .ed25519(let publicKey): (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil
        case .rsa(let pem): Self.rsaKey(pem).map { $0.keySizeInBits >= 2048 } ?? false
        }
    }

    /// The RSA key of `pem`, read by `RSAPublicKeyDER` first: swift-crypto's own PEM and DER
    /// parsing double-frees on malformed input (see there).
    static func rsaKey(_ pem: String) -> _RSA.Signing.PublicKey? {
        guard let numbers = RSAPublicKeyDER.numbers(fromPEM: pem) else { return nil }
        return try? _RSA.Signing.PublicKey(n: numbers.n, e: numbers.e)
    }
}

extension APIKeyCredential {
    /// An Ed25519 key from the PEM public key a user uploads (`-----BEGIN PUBLIC KEY-----`), as
    /// Binance takes them; `nil` when it is not one.
    public static func ed25519(publicKeyPEM pem: String) -> APIKeyCredential? {
        guard let raw = Ed25519PEM.publicKey(fromPEM: pem),
              (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else { return nil }
        return .ed25519(publicKey: raw)
    }
}
