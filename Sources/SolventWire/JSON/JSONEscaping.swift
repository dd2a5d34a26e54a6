/// String escaping for JSON (RFC 8259 §7): quotes, backslashes and control characters are
/// escaped; everything else, non-ASCII included, is copied as UTF-8.
enum JSONEscaping {
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        // Nearly every string on the wire (symbols, ids, enum names) needs no escape at all.
        if !utf8.contains(where: needsEscape) {
            bytes.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            if needsEscape(byte) { appendEscaped(byte, to: &bytes) } else { bytes.append(byte) }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      hexDigit(byte >> 4), hexDigit(byte & 0x0F)])
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
