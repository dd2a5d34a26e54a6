/// `application/x-www-form-urlencoded` text, the one encoding of both the query string and the
/// request body (spec §1.2): `name=value` pairs joined by `&`, `%XX` escapes, `+` for a space.
enum FormEncoding {
    /// A pair as received, before decoding; `value` is empty for a bare `name`.
    struct RawPair {
        var name: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
    }

    /// The pairs of `text` in order; empty segments (`a=1&&b=2`, a trailing `&`) are skipped.
    static func rawPairs(_ text: [UInt8]) -> [RawPair] {
        text.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { segment in
            guard let equals = segment.firstIndex(of: UInt8(ascii: "=")) else {
                return RawPair(name: segment, value: segment[segment.endIndex...])
            }
            return RawPair(name: segment[..<equals], value: segment[(equals + 1)...])
        }
    }

    /// Form-decodes `bytes`: `+` becomes a space, `%XX` its byte. `nil` for a broken escape or
    /// bytes that are not UTF-8 once decoded.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        // Most parameters carry nothing to decode; skip the copy for them.
        if !bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            return String(validating: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]),
                      let low = hexValue(bytes[index + 2]) else { return nil }
                decoded.append(high << 4 | low)
                index += 2
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        return String(validating: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
