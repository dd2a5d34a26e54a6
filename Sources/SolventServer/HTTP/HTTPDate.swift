import SolventCore

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
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[Int(days % 7)]), \(two(day)) \(months[Int(month) - 1]) \(year) "
            + "\(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60)) GMT"
    }
}
