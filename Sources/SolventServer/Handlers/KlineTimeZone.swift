import SolventWire

/// The klines `timeZone` parameter (spec §3.2): hours, or hours:minutes, with an optional sign,
/// from -12:00 to +14:00 ("8", "-1:00", "05:45"). Bars then start at local boundaries, while
/// `startTime` / `endTime` stay in UTC.
enum KlineTimeZone {
    /// The offset in milliseconds (local = UTC + offset); 0 when absent.
    static func offset(_ parameters: RequestParameters) throws(BinanceError) -> Int64 {
        guard let text = parameters["timeZone"] else { return 0 }
        guard let minutes = minutes(text), (-12 * 60...14 * 60).contains(minutes) else {
            throw .invalidParameter("timeZone")
        }
        return Int64(minutes) * 60_000
    }

    private static func minutes(_ text: String) -> Int? {
        var body = Substring(text)
        var sign = 1
        if body.first == "+" || body.first == "-" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let hours = Int(parts[0]), hours >= 0 else { return nil }
        let minutes = parts.count == 2 ? Int(parts[1]) : 0
        guard let minutes, (0...59).contains(minutes) else { return nil }
        return sign * (hours * 60 + minutes)
    }
}
