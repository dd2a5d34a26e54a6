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

    package func seal(_ secret: [UInt8]) throws -> [UInt8] {
        guard let combined = try AES.GCM.seal(secret, using: key).combined else { throw AuditFileError("AES-GCM sealing failed") }
        return Array(combined)
    }

    package func open(_ sealed: [UInt8]) throws -> [UInt8] {
        Array(try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key))
    }
}
