/// Why an amount's text was refused, with the Binance code and message the API returns for it.
public enum DecimalTextError: Error, Hashable, Sendable {
    /// The text is not `^([0-9]{1,20})(\.[0-9]{1,20})?$`: a sign, an exponent, a space, a bare dot…
    case illegalCharacters
    /// More fraction digits than the asset's scale, zeros included: the spec counts digits (§1.2).
    case tooMuchPrecision
    /// The value is well formed but its units do not fit an `Int64`.
    case tooLarge

    /// The Binance error code.
    public var code: Int32 {
        switch self {
        case .illegalCharacters: -1100
        case .tooMuchPrecision: -1111
        case .tooLarge: -1013
        }
    }

    /// The message for `parameter` (the request field's name); clients match these byte for byte,
    /// so never reword them. The backslash before the dot is in Binance's own text.
    public func message(parameter: String) -> String {
        switch self {
        case .illegalCharacters:
            "Illegal characters found in parameter '\(parameter)'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'."
        case .tooMuchPrecision: "Parameter '\(parameter)' has too much precision."
        case .tooLarge: "Parameter '\(parameter)' is too large."
        }
    }
}

/// The one text form amounts take on the wire: plain ASCII decimals, no sign, no exponent.
///
/// Parsing is strict so that a number means the same thing to every client and to us;
/// formatting always pads to the asset's scale, which is how Binance prints balances and prices.
public enum DecimalText {
    /// Digits allowed on each side of the dot, fixed by the wire grammar.
    public static let digitCountMax = 20
    /// Longest formatted text: a sign, 19 whole digits, the dot and 18 fraction digits.
    static let formattedLengthMax = 1 + 19 + 1 + 18

    /// `text` as units of 10^-scale. The text's shape is judged before its precision, and its
    /// precision before its magnitude, so a malformed number never reports as merely too large.
    public static func parse(_ text: String, scale: Scale) throws(DecimalTextError) -> Int64 {
        var text = text
        return try text.withUTF8 { result(utf8: $0, scale: scale) }.get()
    }

    /// `text` as units of 10^-scale; see `parse(_:scale:)` for a `String`.
    public static func parse(_ text: Substring, scale: Scale) throws(DecimalTextError) -> Int64 {
        var text = text
        return try text.withUTF8 { result(utf8: $0, scale: scale) }.get()
    }

    /// Raw request bytes as units of 10^-scale, for callers that never build a `String`.
    public static func parse(utf8 bytes: some Collection<UInt8>, scale: Scale) throws(DecimalTextError) -> Int64 {
        try result(utf8: bytes, scale: scale).get()
    }

    /// The parser proper; a `Result` so it can run inside `withUTF8`, whose closure cannot throw typed.
    static func result(utf8 bytes: some Collection<UInt8>, scale: Scale) -> Result<Int64, DecimalTextError> {
        precondition(scale <= 18, "scale \(scale) does not fit an Int64")
        guard let (integer, fraction) = digitRuns(bytes) else { return .failure(.illegalCharacters) }
        guard fraction.count <= Int(scale) else { return .failure(.tooMuchPrecision) }
        let kept = fraction
        var units = UnitsAccumulator()
        for byte in integer { units.push(byte) }
        for byte in kept { units.push(byte) }
        units.scaleUp(by: Int(scale) - kept.count)
        return units.hasOverflowed ? .failure(.tooLarge) : .success(units.value)
    }

    /// The integer and fraction digits if `bytes` matches `^([0-9]{1,20})(\.[0-9]{1,20})?$`; the
    /// fraction is empty when there is no dot. Slices, so nothing is copied.
    private static func digitRuns<Bytes: Collection<UInt8>>(
        _ bytes: Bytes
    ) -> (integer: Bytes.SubSequence, fraction: Bytes.SubSequence)? {
        let integer = bytes.prefix(while: isDigit)
        let rest = bytes[integer.endIndex...]
        guard (1...digitCountMax).contains(integer.count) else { return nil }
        guard let dot = rest.first else { return (integer, rest) }
        let fraction = rest.dropFirst()
        guard dot == UInt8(ascii: "."), (1...digitCountMax).contains(fraction.count),
              fraction.allSatisfy(isDigit) else { return nil }
        return (integer, fraction)
    }

    /// ASCII '0'...'9' only; other scripts' digits are illegal on the wire.
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `units` as a decimal with exactly `scale` fraction digits ("0.00100000"); no dot at scale 0.
    /// Negative values, which only signed deltas have, get a leading '-'.
    public static func format(_ units: Int64, scale: Scale) -> String {
        String(unsafeUninitializedCapacity: formattedLengthMax) { buffer in
            write(units, scale: scale, to: buffer)
        }
    }

    /// Appends what `format(_:scale:)` returns, as UTF-8, to `bytes`; for writers that build
    /// responses as bytes and should not create a `String` per number.
    public static func format(_ units: Int64, scale: Scale, into bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: formattedLengthMax) { buffer in
            let count = write(units, scale: scale, to: buffer)
            bytes.append(contentsOf: UnsafeMutableBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes the text right to left into the front of `buffer` and returns its length.
    private static func write(_ units: Int64, scale: Scale, to buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let divisor = UInt64(unitsPerWhole(scale))
        // The magnitude, not the negation, so that Int64.min formats too.
        let (whole, fraction) = units.magnitude.quotientAndRemainder(dividingBy: divisor)
        let length = (units < 0 ? 1 : 0) + decimalDigitCount(whole) + (scale > 0 ? 1 + Int(scale) : 0)
        assert(length <= buffer.count, "formatted amount overflows its buffer")
        var position = length
        func emit(_ byte: UInt8) {
            position -= 1
            buffer[position] = byte
        }
        if scale > 0 {
            var rest = fraction
            for _ in 0..<scale {
                emit(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            emit(UInt8(ascii: "."))
        }
        var rest = whole
        repeat {
            emit(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if units < 0 { emit(UInt8(ascii: "-")) }
        assert(position == 0, "formatted amount length miscounted")
        return length
    }

    /// Digits in `value`'s decimal form; zero has one.
    private static func decimalDigitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }
}

/// Builds an `Int64` one decimal digit at a time, remembering rather than trapping on overflow,
/// so the parser can finish checking the text's shape before it reports the size.
private struct UnitsAccumulator {
    private(set) var value: Int64 = 0
    private(set) var hasOverflowed = false

    /// value = value × 10 + the digit `byte` spells; the caller has checked it is one.
    mutating func push(_ byte: UInt8) {
        assert(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), "pushed a non-digit")
        let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, sumOverflow) = shifted.addingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
        hasOverflowed = hasOverflowed || shiftOverflow || sumOverflow
        value = sum
    }

    /// value = value × 10^exponent, for the fraction digits the text left out.
    mutating func scaleUp(by exponent: Int) {
        let (product, overflow) = value.multipliedReportingOverflow(by: powersOfTen[exponent])
        hasOverflowed = hasOverflowed || overflow
        value = product
    }
}
