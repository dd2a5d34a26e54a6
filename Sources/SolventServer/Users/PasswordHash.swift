import _CryptoExtras
import Crypto
import Foundation

/// Passwords as the store keeps them: PBKDF2-HMAC-SHA256 over the password with a random
/// 16-byte salt of the user's own, 32 bytes out, in the text form
/// `pbkdf2-sha256$<rounds>$<salt, base64>$<hash, base64>`.
///
/// The cost is `UserSettings.passwordRounds` (600,000 by default: OWASP's figure for
/// PBKDF2-HMAC-SHA256); each hash records its own rounds, so raising the setting leaves older
/// hashes verifiable. swift-crypto refuses fewer than 210,000 rounds, and so does `verify`, so a
/// tampered row cannot make a hash cheap.
enum PasswordHash {
    static let scheme = "pbkdf2-sha256"
    static let roundsMin = 210_000
    static let saltBytes = 16
    static let hashBytes = 32

    static func make(_ password: String, rounds: Int) throws -> String {
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
        let hash = try derive(password, salt: salt, rounds: rounds)
        return [scheme, String(rounds), Data(salt).base64EncodedString(), Data(hash).base64EncodedString()]
            .joined(separator: "$")
    }

    /// Whether `password` is the one `stored` was made from; compared in constant time. A
    /// malformed `stored` verifies nothing.
    static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let rounds = Int(parts[1]), rounds >= roundsMin,
              let salt = Data(base64Encoded: String(parts[2])), salt.count == saltBytes,
              let expected = Data(base64Encoded: String(parts[3])), expected.count == hashBytes,
              let hash = try? derive(password, salt: Array(salt), rounds: rounds)
        else { return false }
        return ConstantTime.equal(hash, Array(expected))
    }

    /// A hash of no one's password at the default cost: verified against when the login is
    /// unknown, so an unknown login takes as long to refuse as a wrong password.
    static func decoy(rounds: Int) -> String {
        (try? make(RandomText.hex(bytes: 16), rounds: max(rounds, roundsMin))) ?? ""
    }

    private static func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: hashBytes, rounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }
}

/// Comparisons of secrets whose time does not depend on where they differ.
enum ConstantTime {
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func equal(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        return equal(Array(a.utf8), Array(b.utf8))
    }
}
