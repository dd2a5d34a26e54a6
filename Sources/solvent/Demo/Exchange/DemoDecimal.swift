/// Prices and quantities of the demo's traders as integers in units of a tick or a step, and
/// the plain decimal text the API takes: "6500000" ticks of 0.01 is "65000.00".
enum DemoDecimal {
    static func text(_ units: Int64, places: Int) -> String {
        guard places > 0 else { return String(units) }
        let digits = String(units).leftPadded(to: places + 1)
        return String(digits.dropLast(places)) + "." + String(digits.suffix(places))
    }

    /// The units in `text` ("65000.5" at 2 places is 6500050), or nil when it is not a plain
    /// decimal or has more places.
    static func units(_ text: String, places: Int) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.count > places, fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= places, fraction.allSatisfy(\.isNumber) else { return nil }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let fractionUnits = Int64(fraction.padding(toLength: places, withPad: "0", startingAt: 0)) ?? 0
        return whole * scale + fractionUnits
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
