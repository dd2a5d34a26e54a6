/// A kline (candlestick) interval, by its case-sensitive wire name (spec §3.2).
///
/// Bars are keyed by open time in UTC: every fixed interval up to `3d` starts at a multiple of its
/// length since the Unix epoch, `1w` bars start on Monday 00:00 (as Binance's do; the epoch was a
/// Thursday), and `1M` bars start on the first day of each calendar month.
public enum KlineInterval: String, CaseIterable, Sendable {
    case oneSecond = "1s"
    case oneMinute = "1m"
    case threeMinutes = "3m"
    case fiveMinutes = "5m"
    case fifteenMinutes = "15m"
    case thirtyMinutes = "30m"
    case oneHour = "1h"
    case twoHours = "2h"
    case fourHours = "4h"
    case sixHours = "6h"
    case eightHours = "8h"
    case twelveHours = "12h"
    case oneDay = "1d"
    case threeDays = "3d"
    case oneWeek = "1w"
    case oneMonth = "1M"

    public static let secondMs: Int64 = 1_000
    public static let minuteMs: Int64 = 60 * secondMs
    public static let hourMs: Int64 = 60 * minuteMs
    public static let dayMs: Int64 = 24 * hourMs
    /// 1970-01-05, the first Monday after the epoch, where week bars are anchored.
    static let weekAnchorMs: Int64 = 4 * dayMs

    /// Length in milliseconds; `nil` for `1M`, whose months differ in length.
    public var durationMs: Int64? {
        switch self {
        case .oneSecond: Self.secondMs
        case .oneMinute: Self.minuteMs
        case .threeMinutes: 3 * Self.minuteMs
        case .fiveMinutes: 5 * Self.minuteMs
        case .fifteenMinutes: 15 * Self.minuteMs
        case .thirtyMinutes: 30 * Self.minuteMs
        case .oneHour: Self.hourMs
        case .twoHours: 2 * Self.hourMs
        case .fourHours: 4 * Self.hourMs
        case .sixHours: 6 * Self.hourMs
        case .eightHours: 8 * Self.hourMs
        case .twelveHours: 12 * Self.hourMs
        case .oneDay: Self.dayMs
        case .threeDays: 3 * Self.dayMs
        case .oneWeek: 7 * Self.dayMs
        case .oneMonth: nil
        }
    }

    /// Open time of the bar that `time` falls in.
    public func openTime(containing time: Timestamp) -> Timestamp {
        guard let durationMs else { return CivilCalendar.monthStart(containing: time) }
        let anchorMs = self == .oneWeek ? Self.weekAnchorMs : 0
        return floorDivision(time - anchorMs, durationMs) * durationMs + anchorMs
    }

    /// Open time of the bar after the one opened at `openTime`.
    public func openTime(after openTime: Timestamp) -> Timestamp {
        assert(self.openTime(containing: openTime) == openTime, "\(openTime) is no \(rawValue) open time")
        guard let durationMs else { return CivilCalendar.monthStart(addingMonths: 1, to: openTime) }
        return openTime + durationMs
    }

    /// Open time of the bar before the one opened at `openTime`.
    public func openTime(before openTime: Timestamp) -> Timestamp {
        assert(self.openTime(containing: openTime) == openTime, "\(openTime) is no \(rawValue) open time")
        guard let durationMs else { return CivilCalendar.monthStart(addingMonths: -1, to: openTime) }
        return openTime - durationMs
    }

    /// Last millisecond of the bar opened at `openTime`: the next bar's open − 1 ms.
    public func closeTime(ofBarOpenedAt openTime: Timestamp) -> Timestamp {
        self.openTime(after: openTime) - 1
    }
}

/// ⌊a / b⌋ for a positive divisor, also below zero (Swift's `/` rounds toward zero).
func floorDivision(_ dividend: Int64, _ divisor: Int64) -> Int64 {
    precondition(divisor > 0, "floor division needs a positive divisor")
    let quotient = dividend / divisor
    return dividend % divisor < 0 ? quotient - 1 : quotient
}
