/// Amounts as text: the integer count of an asset's smallest unit written with the asset's scale
/// (`150000000` at scale 8 is `"1.50000000"`). One spelling per value: no sign, no exponent, no
/// leading zero, exactly `scale` decimals (none and no point at scale 0).
public enum AmountText {
    /// Why a piece of text is not a canonical amount.
    public enum Problem: Error, Hashable, Sendable {
        case empty
        case signNotAllowed
        case exponentNotAllowed
        case leadingZero
        case notADigit
        /// The text has a different number of decimals from the asset's scale.
        case wrongDecimals(expected: Int)
        /// Larger than the field allows (2^64 − 1 for a balance, 2^128 − 1 for a sum).
        case tooLarge
    }

    public static func format(_ units: UInt128, scale: Int) -> String {
        var digits = Array(String(units).utf8)
        guard scale > 0 else { return String(decoding: digits, as: UTF8.self) }
        if digits.count <= scale {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale + 1 - digits.count), at: 0)
        }
        digits.insert(UInt8(ascii: "."), at: digits.count - scale)
        return String(decoding: digits, as: UTF8.self)
    }

    public static func format(_ units: UInt64, scale: Int) -> String {
        format(UInt128(units), scale: scale)
    }

    /// The units `text` spells at `scale`, if it is canonical and at most `limit`.
    public static func parse(_ characters: some Collection<UInt8>, scale: Int, limit: UInt128) -> Result<UInt128, Problem> {
        let text = Array(characters)
        guard let first = text.first else { return .failure(.empty) }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return .failure(.signNotAllowed) }
        if text.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return .failure(.exponentNotAllowed)
        }
        let point = text.firstIndex(of: UInt8(ascii: "."))
        let whole = text[..<(point ?? text.endIndex)]
        let fraction = point.map { text[($0 + 1)...] } ?? []
        guard !whole.isEmpty else { return .failure(.notADigit) }
        if whole.count > 1 && whole.first == UInt8(ascii: "0") { return .failure(.leadingZero) }
        guard fraction.count == scale, (point == nil) == (scale == 0) else {
            return .failure(.wrongDecimals(expected: scale))
        }
        var value: UInt128 = 0
        for digit in whole + fraction {
            guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return .failure(.notADigit) }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(UInt128(digit - UInt8(ascii: "0")))
            guard !overflow1, !overflow2, next <= limit else { return .failure(.tooLarge) }
            value = next
        }
        return .success(value)
    }
}
