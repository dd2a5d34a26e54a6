/// Proleptic Gregorian dates in UTC, from day counts since the Unix epoch, for month bars (and
/// the server's `Date` header).
///
/// Howard Hinnant's `civil_from_days` / `days_from_civil`: exact integer arithmetic over 400-year
/// eras, no tables, no Foundation calendar (whose time zone a server could have set differently).
public enum CivilCalendar {
    static let dayMs: Int64 = 86_400_000

    /// Year, month (1...12) and day (1...31) of day `days` since 1970-01-01.
    public static func date(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468 // days since 0000-03-01
        let era = floorDivision(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Days since 1970-01-01 of a date; `month` 1...12, `day` 1...31.
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        assert((1...12).contains(month) && (1...31).contains(day), "no date \(year)-\(month)-\(day)")
        let marchYear = month <= 2 ? year - 1 : year
        let era = floorDivision(marchYear, 400)
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 00:00 UTC on the first day of the month `time` falls in.
    static func monthStart(containing time: Timestamp) -> Timestamp {
        let date = date(fromDays: floorDivision(time, dayMs))
        return days(year: date.year, month: date.month, day: 1) * dayMs
    }

    /// The first of the month `months` months after (or before, if negative) the one `time` is in.
    static func monthStart(addingMonths months: Int64, to time: Timestamp) -> Timestamp {
        let date = date(fromDays: floorDivision(time, dayMs))
        let monthIndex = date.year * 12 + (date.month - 1) + months
        let year = floorDivision(monthIndex, 12)
        return days(year: year, month: monthIndex - year * 12 + 1, day: 1) * dayMs
    }
}
