import SolventCore

/// One market's day (UTC) as surveillance saw it: its trading and the alerts it raised.
public struct DailyMarketReport: Hashable, Sendable {
    /// Days since 1970-01-01 (UTC).
    public var day: Int64
    public var market: MarketId
    public var trades: Int64 = 0
    public var volume: Quantity = 0
    public var open: Price = 0
    public var high: Price = 0
    public var low: Price = 0
    public var close: Price = 0
    /// Alerts raised per kind; every kind present, zero when none.
    public var alerts: [SurveillanceAlert.Kind: Int64] =
        Dictionary(uniqueKeysWithValues: SurveillanceAlert.Kind.allCases.map { ($0, 0) })

    public init(day: Int64, market: MarketId) {
        self.day = day
        self.market = market
    }

    mutating func record(_ trade: Trade) {
        if trades == 0 { open = trade.price; high = trade.price; low = trade.price }
        trades += 1
        volume += trade.quantity
        high = max(high, trade.price)
        low = min(low, trade.price)
        close = trade.price
    }

    /// The UTC day `time` falls in.
    public static func day(of time: Timestamp) -> Int64 {
        let day = MarkingTheCloseDetector.dayMilliseconds
        return (time - ((time % day) + day) % day) / day
    }
}

/// The reports of the last `daysMax` days.
struct DailyReports: Sendable {
    static let daysMax: Int64 = 400

    struct Key: Hashable, Comparable {
        var day: Int64
        var market: MarketId
        static func < (a: Key, b: Key) -> Bool { (a.day, a.market) < (b.day, b.market) }
    }

    private(set) var reports: [Key: DailyMarketReport] = [:]
    private var newestDay: Int64 = .min
    /// Reports changed since `takeChanged` last ran; bounded by the reports themselves.
    private var changed: Set<Key> = []

    mutating func restore(_ report: DailyMarketReport) {
        update(report.day, report.market) { $0 = report }
        changed.remove(Key(day: report.day, market: report.market))
    }

    mutating func takeChanged() -> [DailyMarketReport] {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed.sorted().compactMap { reports[$0] }
    }

    mutating func record(_ trade: Trade) {
        update(DailyMarketReport.day(of: trade.time), trade.market) { $0.record(trade) }
    }

    mutating func record(_ alert: SurveillanceAlert) {
        update(DailyMarketReport.day(of: alert.time), alert.market) { $0.alerts[alert.kind, default: 0] += 1 }
    }

    private mutating func update(_ day: Int64, _ market: MarketId, _ change: (inout DailyMarketReport) -> Void) {
        let key = Key(day: day, market: market)
        change(&reports[key, default: DailyMarketReport(day: day, market: market)])
        changed.insert(key)
        if day > newestDay {
            newestDay = day
            reports = reports.filter { $0.key.day > day - Self.daysMax }
            changed = changed.filter { $0.day > day - Self.daysMax }
        }
    }
}
