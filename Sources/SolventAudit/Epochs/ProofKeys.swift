import Crypto
import Foundation
import SolventProof

/// The exchange's proof-of-liabilities keys, in `<data>/proof/` (mode 0600, created at first
/// start):
///
/// - `signing.key`: the Ed25519 private key (32 raw bytes) that signs epoch headers and journal
///   checkpoints. Its public half and key id are served publicly; users pin it.
/// - `tree.secret`: the tree master secret, sealed with the master key (AES-256-GCM) like the
///   HMAC secrets. Every user secret, shuffle and padding key derives from it (`TreeSecrets`),
///   so nothing is stored per user and nothing can be lost per user.
package struct ProofKeys: Sendable {
    /// Raw key bytes: swift-crypto's key types are not Sendable.
    private let signingKeyBytes: [UInt8]
    package let secrets: TreeSecrets

    package init(directory: String, masterKey: MasterKey) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        signingKeyBytes = try Self.loadOrCreate(directory + "/signing.key") { Array($0) } store: { $0 }
        let master = try Self.loadOrCreate(directory + "/tree.secret") { try masterKey.open(Array($0), for: "proof:tree.secret") } store: {
            try masterKey.seal($0, for: "proof:tree.secret")
        }
        secrets = TreeSecrets(master: Hash256(bytes: master)!)
    }

    package var signingKey: Curve25519.Signing.PrivateKey {
        // The bytes were checked to be a key when loaded.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: signingKeyBytes)
    }

    var publicKey: Curve25519.Signing.PublicKey { signingKey.publicKey }

    package var publicKeyHex: String { Hex.encode(Array(publicKey.rawRepresentation)) }

    package var keyId: KeyId { KeyId(publicKey: Array(publicKey.rawRepresentation)) }

    /// Reads the 32 bytes `decode` makes of the file at `path`, or creates fresh random bytes
    /// and writes what `store` makes of them.
    private static func loadOrCreate(_ path: String, decode: (Data) throws -> [UInt8],
                                     store: ([UInt8]) throws -> [UInt8]) throws -> [UInt8] {
        if let data = try SecretFile.read(path) {
            let bytes = try decode(data)
            guard bytes.count == 32, (try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes)) != nil else {
                throw AuditFileError("\(path) does not hold a 32-byte key")
            }
            return bytes
        }
        let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        try SecretFile.create(path, contents: try store(fresh))
        return fresh
    }
}
