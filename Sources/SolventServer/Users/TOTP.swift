import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA-1, 30-second steps
/// from the Unix epoch, 6 digits, what every authenticator app computes.
enum TOTP {
    static let stepSeconds: Int64 = 30
    static let digits = 6
    static let secretBytes = 20

    /// The time step holding `milliseconds` (Unix time).
    static func step(atMilliseconds milliseconds: Int64) -> Int64 {
        milliseconds / 1_000 / stepSeconds
    }

    /// The code of `step` (RFC 4226 §5.3: dynamic truncation, then the low `digits` digits).
    static func code(secret: [UInt8], step: Int64, digits: Int = digits) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The step `code` belongs to, among the current one and one either side (clocks drift), if
    /// it is later than `after` (a step already used is a replay). Every candidate is computed
    /// and compared in constant time, so the timing tells nothing about which one matched.
    static func matchingStep(_ code: String, secret: [UInt8], now: Int64, after: Int64) -> Int64? {
        guard code.utf8.count == digits, code.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let current = step(atMilliseconds: now)
        var matched: Int64?
        for candidate in (current - 1)...(current + 1) where candidate > after {
            if ConstantTime.equal(code, self.code(secret: secret, step: candidate)), matched == nil { matched = candidate }
        }
        return matched
    }

    /// The `otpauth://` URI authenticator apps read (as a QR code or pasted).
    static func uri(secret: [UInt8], login: String, issuer: String = "Solvent") -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        let label = "\(issuer):\(login)".addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuer)&algorithm=SHA1&digits=\(digits)"
            + "&period=\(stepSeconds)"
    }
}

/// RFC 4648 base 32 without padding: how TOTP secrets are shown and typed.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: output, as: UTF8.self)
    }
}
