/// Reads the canonical JSON this module writes, and nothing else: each call expects one exact
/// piece (a literal, an integer, a name, hex, an amount) at the current byte. No whitespace,
/// no escapes, no reordering, so every byte of an accepted text is significant.
struct CanonicalReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func expect(_ literal: String) throws(ParseError) {
        for byte in literal.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { throw ParseError(.expected(literal), at: offset) }
            offset += 1
        }
    }

    /// `"key":` then an integer at most `max`.
    mutating func integer(_ key: String, max: UInt64) throws(ParseError) -> UInt64 {
        try expect("\"\(key)\":")
        let start = offset
        let token = unquotedToken()
        switch AmountText.parse(token, scale: 0, limit: UInt128(max)) {
        case .success(let value): return UInt64(value)
        case .failure(let problem): throw ParseError(.integer(problem), at: start)
        }
    }

    /// `"key":"name"` with a valid symbol or exchange id.
    mutating func name(_ key: String) throws(ParseError) -> String {
        try expect("\"\(key)\":")
        let start = offset
        let text = String(decoding: try quoted(), as: UTF8.self)
        guard ProofAsset.isValidName(text) else { throw ParseError(.invalidName, at: start) }
        return text
    }

    /// `"key":"<hex>"` of exactly `byteCount` bytes, lowercase.
    mutating func hex(_ key: String, byteCount: Int) throws(ParseError) -> [UInt8] {
        try expect("\"\(key)\":")
        let start = offset
        switch Hex.decode(try quoted(), byteCount: byteCount) {
        case .success(let value): return value
        case .failure(let problem): throw ParseError(.hex(problem), at: start)
        }
    }

    mutating func hash(_ key: String) throws(ParseError) -> Hash256 {
        Hash256(bytes: try hex(key, byteCount: Hash256.byteCount))!
    }

    /// A quoted canonical amount at `scale`, at most `limit` units.
    mutating func amount(scale: Int, limit: UInt128) throws(ParseError) -> UInt128 {
        let start = offset
        switch AmountText.parse(try quoted(), scale: scale, limit: limit) {
        case .success(let value): return value
        case .failure(let problem): throw ParseError(.amount(problem), at: start + 1)
        }
    }

    /// `[e,e,…]` with at most `max` elements (`what` names them in the error).
    mutating func list<T>(_ what: String, max: Int,
                          _ element: (inout CanonicalReader) throws(ParseError) -> T) throws(ParseError) -> [T] {
        try expect("[")
        var items: [T] = []
        if peek(UInt8(ascii: "]")) {
            offset += 1
            return items
        }
        while true {
            guard items.count < max else { throw ParseError(.tooMany(what), at: offset) }
            items.append(try element(&self))
            if peek(UInt8(ascii: "]")) {
                offset += 1
                return items
            }
            try expect(",")
        }
    }

    /// The end of the text: nothing more, or one newline.
    mutating func end() throws(ParseError) {
        if offset == bytes.count - 1 && bytes[offset] == UInt8(ascii: "\n") { offset += 1 }
        guard offset == bytes.count else { throw ParseError(.trailingBytes, at: offset) }
    }

    private func peek(_ byte: UInt8) -> Bool {
        offset < bytes.count && bytes[offset] == byte
    }

    /// The bytes up to the next `,` `}` `]` (an integer's digits, or whatever stands in their place).
    private mutating func unquotedToken() -> ArraySlice<UInt8> {
        let start = offset
        scan: while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): break scan
            default: offset += 1
            }
        }
        return bytes[start..<offset]
    }

    /// The bytes between two quotes; a backslash or control byte inside is refused (no escapes).
    mutating func quoted() throws(ParseError) -> ArraySlice<UInt8> {
        try expect("\"")
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
            guard bytes[offset] != UInt8(ascii: "\\"), bytes[offset] >= 0x20 else {
                throw ParseError(.expected("no escapes or control bytes in strings"), at: offset)
            }
            offset += 1
        }
        let content = bytes[start..<offset]
        try expect("\"")
        return content
    }
}

/// Builds the canonical JSON text: the writer side of `CanonicalReader`.
struct CanonicalWriter {
    private(set) var text = ""

    mutating func raw(_ piece: String) {
        text += piece
    }

    mutating func integer(_ key: String, _ value: some BinaryInteger) {
        text += "\"\(key)\":\(value)"
    }

    mutating func string(_ key: String, _ value: String) {
        text += "\"\(key)\":\"\(value)\""
    }

    mutating func amount(_ units: UInt128, scale: Int) {
        text += "\"\(AmountText.format(units, scale: scale))\""
    }

    mutating func list<T>(_ items: [T], _ element: (inout CanonicalWriter, T) -> Void) {
        text += "["
        for (at, item) in items.enumerated() {
            if at > 0 { text += "," }
            element(&self, item)
        }
        text += "]"
    }
}
