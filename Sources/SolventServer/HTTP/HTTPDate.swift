/// The `Date` header's text, RFC 9110's IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), made
/// again only when the second changes: an answer per request would otherwise format a date.
struct HTTPDate {
    private var second: Int64 = .min
    private var text = ""

    mutating func text(atMilliseconds milliseconds: Int64) -> String {
        let now = milliseconds / 1_000
        if now != second {
            second = now
            text = Self.imfFixdate(secondsSince1970: now)
        }
        return text
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date of the given second, in UTC, for seconds from 1970 on.
    static func imfFixdate(secondsSince1970 seconds: Int64) -> String {
        let days = seconds / 86_400, time = seconds % 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(days % 7)]), \(two(day)) \(months[Int(month) - 1]) \(year) "
            + "\(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60)) GMT"
    }

    /// Year, month (1...12) and day of a day count from 1970-01-01 (Hinnant's civil_from_days,
    /// on eras of 400 years that start on March 1st so the leap day falls last).
    static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
