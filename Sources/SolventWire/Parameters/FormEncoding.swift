/// `application/x-www-form-urlencoded` text, the one encoding of both the query string and the
/// request body (spec §1.2): `name=value` pairs joined by `&`, `%XX` escapes, `+` for a space.
/// Read in place from the text's UTF-8, so a request's parameters cost one string each at most.
enum FormEncoding {
    /// A pair as received, before decoding; `value` is empty for a bare `name`.
    struct RawPair {
        var name: UnsafeBufferPointer<UInt8>
        var value: UnsafeBufferPointer<UInt8>
    }

    /// Calls `body` with each pair of `text` in order; empty segments (`a=1&&b=2`, a trailing
    /// `&`) are skipped.
    static func forEachPair<Failure>(in text: UnsafeBufferPointer<UInt8>,
                                     _ body: (RawPair) throws(Failure) -> Void) throws(Failure) {
        var start = 0
        while start < text.count {
            var end = start
            var equals = -1
            while end < text.count && text[end] != UInt8(ascii: "&") {
                if equals < 0 && text[end] == UInt8(ascii: "=") { equals = end }
                end += 1
            }
            if end > start {
                let nameEnd = equals < 0 ? end : equals
                let valueStart = equals < 0 ? end : equals + 1
                try body(RawPair(name: UnsafeBufferPointer(rebasing: text[start..<nameEnd]),
                                 value: UnsafeBufferPointer(rebasing: text[valueStart..<end])))
            }
            start = end + 1
        }
    }

    /// Form-decodes `bytes`: `+` becomes a space, `%XX` its byte. `nil` for a broken escape or
    /// bytes that are not UTF-8 once decoded.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Most parameters carry nothing to decode; skip the copy for them.
        if !bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            return text(bytes)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                      let low = hexValue(bytes[index + 2]) else { return nil }
                decoded.append(high << 4 | low)
                index += 2
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        return decoded.withUnsafeBufferPointer { text($0) }
    }

    /// `bytes` as a string when they are UTF-8. ASCII, which is nearly every parameter, is read
    /// without the generic validating initializer (its generic metadata lookups showed in perf).
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var isASCII = true
        for byte in bytes where byte >= 0x80 {
            isASCII = false
            break
        }
        return isASCII ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    /// `decode` of a whole array.
    static func decode(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { decode($0) }
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
