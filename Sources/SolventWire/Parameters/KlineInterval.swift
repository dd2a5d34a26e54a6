/// A kline (candlestick) interval, as the `interval` parameter and `@kline_<interval>` streams
/// spell it (spec §3.2; case-sensitive: `1m` is a minute, `1M` a month). Unknown names are `-1120`.
///
/// Bars are aligned in UTC: fixed-length intervals to multiples of their length since the Unix
/// epoch, weeks to Monday 00:00, months to the first day 00:00.
public enum KlineInterval: String, Sendable, CaseIterable, BinanceEnum {
    case oneSecond = "1s"
    case oneMinute = "1m", threeMinutes = "3m", fiveMinutes = "5m", fifteenMinutes = "15m"
    case thirtyMinutes = "30m"
    case oneHour = "1h", twoHours = "2h", fourHours = "4h", sixHours = "6h", eightHours = "8h"
    case twelveHours = "12h"
    case oneDay = "1d", threeDays = "3d", oneWeek = "1w", oneMonth = "1M"

    public init?(binanceName name: String) {
        self.init(rawValue: name)
    }

    public static func invalidValue(parameter: String) -> BinanceError { .badInterval }

    public var binanceName: String { rawValue }

    /// The bar's length, or `nil` for a month, whose length varies.
    public var fixedMilliseconds: Int64? {
        let second: Int64 = 1000, minute = 60 * second, hour = 60 * minute, day = 24 * hour
        switch self {
        case .oneSecond: return second
        case .oneMinute: return minute
        case .threeMinutes: return 3 * minute
        case .fiveMinutes: return 5 * minute
        case .fifteenMinutes: return 15 * minute
        case .thirtyMinutes: return 30 * minute
        case .oneHour: return hour
        case .twoHours: return 2 * hour
        case .fourHours: return 4 * hour
        case .sixHours: return 6 * hour
        case .eightHours: return 8 * hour
        case .twelveHours: return 12 * hour
        case .oneDay: return day
        case .threeDays: return 3 * day
        case .oneWeek: return 7 * day
        case .oneMonth: return nil
        }
    }

    /// Open time of the bar that contains `time` (ms since the epoch, not negative).
    public func openTime(containing time: Int64) -> Int64 {
        precondition(time >= 0, "kline times are after the epoch")
        guard let length = fixedMilliseconds else { return CivilMonth(containing: time).startMilliseconds }
        // 1970-01-01 was a Thursday; weekly bars start on Mondays, four days later.
        let phase: Int64 = self == .oneWeek ? 4 * 86_400_000 : 0
        let shifted = time - phase
        let floored = shifted >= 0 ? shifted / length * length : (shifted - length + 1) / length * length
        return floored + phase
    }

    /// Open time of the bar after the one opening at `openTime`.
    public func nextOpenTime(after openTime: Int64) -> Int64 {
        guard let length = fixedMilliseconds else { return CivilMonth(containing: openTime).next.startMilliseconds }
        return openTime + length
    }

    /// A bar's `closeTime`: one millisecond before the next bar opens (spec §3.2).
    public func closeTime(openTime: Int64) -> Int64 {
        nextOpenTime(after: openTime) - 1
    }
}

/// A calendar month in UTC, for monthly bars; the day arithmetic is Howard Hinnant's
/// `days_from_civil` / `civil_from_days` on the proleptic Gregorian calendar.
struct CivilMonth {
    var year: Int64
    /// 1...12.
    var month: Int64

    static let millisecondsPerDay: Int64 = 86_400_000

    init(year: Int64, month: Int64) {
        precondition((1...12).contains(month), "month \(month) out of range")
        self.year = year
        self.month = month
    }

    init(containing time: Int64) {
        let days = time >= 0 ? time / Self.millisecondsPerDay : (time + 1) / Self.millisecondsPerDay - 1
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month)
    }

    var next: CivilMonth {
        month == 12 ? CivilMonth(year: year + 1, month: 1) : CivilMonth(year: year, month: month + 1)
    }

    /// Midnight UTC on the first day of the month, in ms since the epoch.
    var startMilliseconds: Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * Self.millisecondsPerDay
    }
}
