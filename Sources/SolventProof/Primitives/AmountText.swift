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

    /// The units `text` spells at `scale`, if it is canonical and at most `limit`. One pass, no
    /// allocation: the path's sums are most of a proof's bytes.
    public static func parse(_ text: some Collection<UInt8>, scale: Int, limit: UInt128) -> Result<UInt128, Problem> {
        guard let first = text.first else { return .failure(.empty) }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return .failure(.signNotAllowed) }
        var value: UInt128 = 0
        var wholeDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint {
                    fractionDigits += 1
                } else {
                    if wholeDigits == 1 && first == UInt8(ascii: "0") { return .failure(.leadingZero) }
                    wholeDigits += 1
                }
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times10.addingReportingOverflow(UInt128(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2, next <= limit else { return .failure(.tooLarge) }
                value = next
            case UInt8(ascii: "."):
                guard !sawPoint, wholeDigits > 0 else { return .failure(.notADigit) }
                guard scale > 0 else { return .failure(.wrongDecimals(expected: scale)) }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                return .failure(.exponentNotAllowed)
            default:
                return .failure(.notADigit)
            }
        }
        guard wholeDigits > 0 else { return .failure(.notADigit) }
        guard fractionDigits == scale, sawPoint == (scale > 0) else { return .failure(.wrongDecimals(expected: scale)) }
        return .success(value)
    }
}
