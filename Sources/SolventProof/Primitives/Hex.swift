/// Lowercase hexadecimal, the only form hashes, keys and signatures take in text.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Why a piece of text is not the canonical hex of `byteCount` bytes.
    public enum Problem: Error, Hashable, Sendable {
        case wrongLength(expected: Int, actual: Int)
        case upperCase
        case notHex
    }

    /// The bytes of exactly `byteCount × 2` lowercase hex characters; anything else is a `Problem`
    /// (upper case is refused rather than folded, so each value has one spelling only).
    public static func decode(_ text: some Collection<UInt8>, byteCount: Int) -> Result<[UInt8], Problem> {
        guard text.count == byteCount * 2 else {
            return .failure(.wrongLength(expected: byteCount * 2, actual: text.count))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        var high: UInt8? = nil
        for character in text {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return .failure(.upperCase)
            default: return .failure(.notHex)
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return .success(bytes)
    }

    /// `decode` of a `String`.
    public static func decode(_ text: String, byteCount: Int) -> Result<[UInt8], Problem> {
        decode(Array(text.utf8), byteCount: byteCount)
    }
}
