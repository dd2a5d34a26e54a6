import Foundation
@testable import SolventServer
import Testing

/// The `Date` header's text matches RFC 9110's examples and Foundation's formatter.
@Suite struct HTTPDateTests {
    @Test func knownDates() {
        #expect(HTTPDate.imfFixdate(secondsSince1970: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.imfFixdate(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.imfFixdate(secondsSince1970: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.imfFixdate(secondsSince1970: 4_107_542_400) == "Mon, 01 Mar 2100 00:00:00 GMT")
    }

    @Test func agreesWithFoundationAcrossTwoCenturies() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        for seconds in stride(from: Int64(0), to: 6_000_000_000, by: 7_654_321) {
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(HTTPDate.imfFixdate(secondsSince1970: seconds) == expected, "at \(seconds)")
        }
    }

    @Test func theCachedTextFollowsTheSecond() {
        var date = HTTPDate()
        #expect(date.text(atMilliseconds: 784_111_777_000) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(date.text(atMilliseconds: 784_111_777_999) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(date.text(atMilliseconds: 784_111_778_000) == "Sun, 06 Nov 1994 08:49:38 GMT")
    }
}
