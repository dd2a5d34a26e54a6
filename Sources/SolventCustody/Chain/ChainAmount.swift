import SolventCore

/// Amounts as a chain's JSON-RPC writes them (`0.50000000`, `-0.1` for a send) in integer units
/// of the asset's scale, exactly: never through a floating-point number.
public enum ChainAmount {
    public struct Malformed: Error, Hashable, Sendable, CustomStringConvertible {
        public let text: String
        public var description: String { "the chain sent an amount that is not an exact decimal: \(text)" }
    }

    /// Units of `text`; a negative sign is kept. Zeros past the scale are dropped (they change
    /// nothing); any other digit there, an exponent or a value beyond `Int64` is refused.
    public static func units(_ text: String, scale: Scale) throws(Malformed) -> Int64 {
        let negative = text.hasPrefix("-")
        var digits = Substring(negative ? text.dropFirst() : Substring(text))
        if let dot = digits.firstIndex(of: ".") {
            let fraction = digits[digits.index(after: dot)...]
            let kept = fraction.count > Int(scale) ? fraction.prefix(Int(scale)) : fraction
            guard fraction.dropFirst(kept.count).allSatisfy({ $0 == "0" }) else { throw Malformed(text: text) }
            digits = kept.isEmpty ? digits[..<dot] : digits[..<kept.endIndex]
        }
        guard let units = try? DecimalText.parse(digits, scale: scale) else { throw Malformed(text: text) }
        return negative ? -units : units
    }

    /// The JSON number text for `units` (never negative for what we send).
    public static func text(_ units: Int64, scale: Scale) -> String {
        DecimalText.format(units, scale: scale)
    }
}
