import SolventCore

extension RequestParameters {
    /// A decimal parameter as units of 10^-scale, parsed by the core's strict grammar
    /// (spec §1.2): `1e-05`, `-1`, `.5`, `1.` are `-1100`, more fraction digits than `scale` is
    /// `-1111`, a value beyond `Int64` is `-1013`.
    public func decimal(_ name: String, scale: Scale) throws(BinanceError) -> Int64? {
        guard let text = try nonEmpty(name) else { return nil }
        do {
            return try DecimalText.parse(text, scale: scale)
        } catch {
            throw BinanceError(error, parameter: name)
        }
    }

    /// A mandatory decimal parameter; absent or empty is `-1102`.
    public func requiredDecimal(_ name: String, scale: Scale) throws(BinanceError) -> Int64 {
        guard self[name]?.isEmpty == false, let units = try decimal(name, scale: scale) else {
            throw .mandatoryParameter(name)
        }
        return units
    }

    /// A signed 64-bit integer (`orderId`, `fromId`, `strategyId`, …): an optional `-` and up to
    /// 19 ASCII digits; anything else is `-1100`, a value beyond `Int64` is `-1108`.
    public func int64(_ name: String) throws(BinanceError) -> Int64? {
        guard let text = try nonEmpty(name) else { return nil }
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard (1...19).contains(digits.count), digits.allSatisfy(Self.isDigit) else {
            throw .illegalCharacters(parameter: name, legalRange: LegalRange.integer)
        }
        guard let value = Int64(text) else { throw .parameterOverflow(name) }
        return value
    }

    /// A mandatory integer parameter; absent or empty is `-1102`.
    public func requiredInt64(_ name: String) throws(BinanceError) -> Int64 {
        guard self[name]?.isEmpty == false, let value = try int64(name) else { throw .mandatoryParameter(name) }
        return value
    }

    /// `int64(_:)` as an `Int`, for counts such as `limit`.
    public func int(_ name: String) throws(BinanceError) -> Int? {
        guard let value = try int64(name) else { return nil }
        guard let narrowed = Int(exactly: value) else { throw .parameterOverflow(name) }
        return narrowed
    }

    /// `true` or `false`, lower case (spec §1.2); anything else is `-1100`.
    public func bool(_ name: String) throws(BinanceError) -> Bool? {
        switch try nonEmpty(name) {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw .illegalCharacters(parameter: name, legalRange: LegalRange.boolean)
        }
    }

    /// A time parameter (`timestamp`, `startTime`, `endTime`) in milliseconds. Clients may send
    /// milliseconds (13 digits) or microseconds (16 digits, spec §1.3); a value of 16 digits or
    /// more is read as microseconds and truncated to the millisecond. Small values such as
    /// python-binance's `startTime=0` are milliseconds.
    public func timestampMilliseconds(_ name: String) throws(BinanceError) -> Int64? {
        guard let value = try int64(name) else { return nil }
        guard value >= 0 else { throw .illegalCharacters(parameter: name, legalRange: LegalRange.integer) }
        return value >= Self.microsecondsThreshold ? value / 1000 : value
    }

    /// `recvWindow` in whole milliseconds, or `nil` when not sent. Binance accepts up to three
    /// decimals (`5000`, `5000.0`, `6000.346`); the fraction is dropped, never rounded up, so the
    /// window is never wider than the client asked for. The 60,000 ms cap is `RequestTiming`'s.
    public func recvWindowMilliseconds() throws(BinanceError) -> Int64? {
        guard let microseconds = try decimal("recvWindow", scale: 3) else { return nil }
        return microseconds / 1000
    }

    /// 10^15: the smallest 16-digit number. As milliseconds it would be the year 33658.
    static let microsecondsThreshold: Int64 = 1_000_000_000_000_000

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
