import Crypto
import Foundation
import SolventAudit

/// The secret the admin surface requires (header `X-Solvent-Admin-Token`), kept in
/// `<data>/admin.token` (a `SecretFile`): whoever can read the data directory is the operator.
enum AdminToken {
    static let header = AuditAPI.adminTokenHeader

    /// Reads the token, creating it on first start.
    static func load(path: String) throws -> String {
        if let data = try SecretFile.read(path),
           let token = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return token
        }
        let token = RandomText.hex(bytes: 32)
        try SecretFile.create(path, contents: Array((token + "\n").utf8))
        return token
    }

    /// Constant-time comparison, so the token cannot be guessed byte by byte from timings.
    static func matches(_ offered: String?, _ token: String) -> Bool {
        guard let offered else { return false }
        let a = Array(offered.utf8), b = Array(token.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Random tokens from the system's secure generator.
enum RandomText {
    static func hex(bytes count: Int) -> String {
        SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { raw in
            raw.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Letters and digits, as Binance's API keys and secrets are.
    static func alphanumeric(_ length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] },
                      as: UTF8.self)
    }
}
