/// Reads the JSON arrays of strings that Binance puts inside one parameter (`symbols=["A","B"]`,
/// spec §1.2). Only this shape is accepted: anything else in the array is invalid JSON here.
enum JSONStringArray {
    /// A bound on elements, so a hostile parameter cannot make us build a huge array.
    static let countMax = 2048

    /// The strings of `text`, or `nil` when it is not a JSON array of strings.
    static func parse(_ text: String) -> [String]? {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipWhitespace()
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        var result: [String] = []
        reader.skipWhitespace()
        if !reader.take(UInt8(ascii: "]")) {
            repeat {
                reader.skipWhitespace()
                guard result.count < countMax, let element = reader.string() else { return nil }
                result.append(element)
                reader.skipWhitespace()
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "]")) else { return nil }
        }
        reader.skipWhitespace()
        return reader.isAtEnd ? result : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// A JSON string. Escapes other than `\"`, `\\` and `\/` cannot occur in a symbol, so
        /// they are refused rather than decoded.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: content, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count,
                          [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/")].contains(bytes[index])
                    else { return nil }
                    content.append(bytes[index])
                    index += 1
                case 0..<0x20:
                    return nil
                default:
                    content.append(byte)
                }
            }
            return nil
        }
    }
}

extension RequestParameters {
    /// A parameter holding a JSON array of strings; `nil` when absent, `-1135` when not one.
    public func stringArray(_ name: String) throws(BinanceError) -> [String]? {
        guard let text = try nonEmpty(name) else { return nil }
        guard let strings = JSONStringArray.parse(text) else { throw .invalidJSON(parameter: name) }
        return strings
    }

    /// `symbols=["BTCUSDT","BNBBTC"]`, raw or percent-encoded (spec §1.2). Bad JSON is `-1135`,
    /// a symbol listed twice `-1151`; an empty array is returned as such for the caller to judge.
    public func symbols(_ name: String = "symbols") throws(BinanceError) -> [String]? {
        guard let symbols = try stringArray(name) else { return nil }
        guard Set(symbols).count == symbols.count else { throw .duplicateSymbols }
        return symbols
    }

    /// `permissions`: one bare name (`SPOT`) or a JSON array of them (spec §3.1).
    public func permissions(_ name: String = "permissions") throws(BinanceError) -> [String]? {
        guard let text = try nonEmpty(name) else { return nil }
        return text.utf8.first == UInt8(ascii: "[") ? try stringArray(name) : [text]
    }
}
