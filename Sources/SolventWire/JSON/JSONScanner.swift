/// A JSON value as the WebSocket API needs it: scalars keep their spelling, containers below
/// the request's `params` stay raw text (they are parameters such as `symbols=["A","B"]`).
public enum ScannedJSON: Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written.
    case number(String)
    case string(String)
    /// An array, as its raw text.
    case array(String)
    /// An object's members in order, and its raw text.
    case object([(name: String, value: ScannedJSON)], raw: String)

    /// The text a parameter gets: a string's content, anything else as written (null → "").
    public var text: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .number(let spelling): spelling
        case .string(let value): value
        case .array(let raw), .object(_, let raw): raw
        }
    }
}

/// A strict, bounded reader for one WebSocket API request frame (RFC 8259 syntax). Written rather than
/// using Foundation because JSONSerialization turns `0.01000000` into a Double: the signature
/// covers the client's spelling, and amounts never pass through binary floating point.
public struct JSONScanner {
    /// Nesting deeper than any request needs is refused rather than recursed into.
    public static let depthMax = 16

    private let bytes: [UInt8]
    private var position = 0

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The members of the one object the text holds, or nil if it is not exactly that.
    public mutating func topLevelObject() -> [(name: String, value: ScannedJSON)]? {
        guard case .object(let members, _)? = value(depth: 0) else { return nil }
        skipWhitespace()
        return position == bytes.count ? members : nil
    }

    private mutating func value(depth: Int) -> ScannedJSON? {
        guard depth < Self.depthMax else { return nil }
        skipWhitespace()
        guard let byte = peek() else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["):
            let start = position
            guard skipArray(depth: depth) else { return nil }
            return .array(String(decoding: bytes[start..<position], as: UTF8.self))
        case UInt8(ascii: "\""): return string().map(ScannedJSON.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> ScannedJSON? {
        let start = position
        position += 1
        var members: [(name: String, value: ScannedJSON)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .object(members, raw: String(decoding: bytes[start..<position], as: UTF8.self))
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\""), let name = string() else { return nil }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { return nil }
            position += 1
            guard let member = value(depth: depth + 1) else { return nil }
            members.append((name, member))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members, raw: String(decoding: bytes[start..<position], as: UTF8.self))
            default: return nil
            }
        }
    }

    private mutating func skipArray(depth: Int) -> Bool {
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return true
        }
        while true {
            guard value(depth: depth + 1) != nil else { return false }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return true
            default: return false
            }
        }
    }

    /// A string's content with its escapes resolved; nil on a bad escape or control character.
    private mutating func string() -> String? {
        position += 1
        var utf8: [UInt8] = []
        while let byte = peek() {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let scalar = escape() else { return nil }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            case 0..<0x20: return nil
            default: utf8.append(byte)
            }
        }
        return nil
    }

    private mutating func escape() -> Unicode.Scalar? {
        guard let byte = peek() else { return nil }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let high = hex4() else { return nil }
            guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) }
            guard peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                return nil
            }
            position += 2
            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        default: return nil
        }
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            return nil
        }
        position += 4
        return value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    private mutating func number() -> ScannedJSON? {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { return nil }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { return nil }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    private mutating func digits() -> Int {
        let start = position
        while let byte = peek(), byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }

    private mutating func literal(_ word: String, _ value: ScannedJSON) -> ScannedJSON? {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else {
            return nil
        }
        position += expected.count
        return value
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }
}
