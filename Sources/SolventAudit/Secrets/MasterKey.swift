import Crypto
import Foundation

/// The key that encrypts HMAC secrets at rest (AES-256-GCM). It lives in its own file, outside
/// the database, readable by the server's user only; losing it makes the stored HMAC secrets
/// useless, which is the point if the database leaks.
package struct MasterKey: Sendable {
    /// The raw key; a `SymmetricKey` is made from it per use, as that type is not Sendable.
    private let bytes: [UInt8]

    /// Reads the key at `path`, or creates one there (a `SecretFile`) if none exists yet.
    package init(path: String) throws {
        if let data = try SecretFile.read(path) {
            guard data.count == 32 else { throw AuditFileError("\(path) is not a 32-byte master key") }
            bytes = Array(data)
            return
        }
        let fresh = SymmetricKey(size: .bits256)
        let data = fresh.withUnsafeBytes { Data($0) }
        try SecretFile.create(path, contents: Array(data))
        bytes = Array(data)
    }

    private var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// Seals `secret` for `owner` (what it belongs to: `api-key:<id>`, `totp:<login>`, ...),
    /// which is bound in as associated data: a sealed secret copied to another owner's row in a
    /// database does not open there.
    package func seal(_ secret: [UInt8], for owner: String) throws -> [UInt8] {
        guard let combined = try AES.GCM.seal(secret, using: key, authenticating: Self.binding(owner)).combined else {
            throw AuditFileError("AES-GCM sealing failed")
        }
        return Array(combined)
    }

    package func open(_ sealed: [UInt8], for owner: String) throws -> [UInt8] {
        do {
            return Array(try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Self.binding(owner)))
        } catch {
            throw AuditFileError("the secret sealed for \(owner) does not open with this master key for that owner")
        }
    }

    private static func binding(_ owner: String) -> [UInt8] {
        Array("solvent-sealed-secret-v1\u{0}\(owner)".utf8)
    }
}
