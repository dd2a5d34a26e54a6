import SolventCore
import SolventSurveillance
import SolventWire

/// The operator's view of surveillance: `GET /admin/v1/surveillance/alerts` (filtered by
/// `symbol`, `kind`, `startTime`, `endTime`, `fromId`, at most `limit`; `format=csv` exports) and
/// `GET /admin/v1/surveillance/report` (each market's day: `date` YYYY-MM-DD UTC, default today).
/// Both answer once the feed has seen everything committed before the request.
enum SurveillanceEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.surveillanceAlerts) { request throws(BinanceError) in
                let feed = try await caughtUp(context)
                let filter = try AlertFilter(request.parameters, context)
                let alerts = feed.read { filter.apply($0.alerts) }
                return try reply(SurveillanceRendering(listings: context.catalog.snapshot), alerts, request.parameters)
            },
            Endpoint(.surveillanceReport) { request throws(BinanceError) in
                let feed = try await caughtUp(context)
                let day = try request.parameters["date"].map(parseDay) ?? DailyMarketReport.day(of: ServerClock.milliseconds())
                let market = try request.parameters["symbol"].map { symbol throws(BinanceError) in
                    try context.catalog.resolved(symbol: symbol).id
                }
                let (reports, alerts) = feed.read { surveillance in
                    (surveillance.reports(day: day).filter { market == nil || $0.market == market }, surveillance.alerts)
                }
                return Reply(SurveillanceRendering(listings: context.catalog.snapshot).json(reports, alerts: alerts))
            },
        ]
    }

    private static func caughtUp(_ context: ServerContext) async throws(BinanceError) -> SurveillanceFeed {
        guard let feed = context.surveillance else { throw .unsupportedOperation }
        let examined: Bool
        do {
            examined = try await feed.waitUntilApplied(context.sequencer.committedSequence)
        } catch {
            throw .unknown("surveillance is stopping")
        }
        guard examined else {
            throw .unknown("surveillance has not examined the latest commands: it is behind, or stopped (see the server's log)")
        }
        return feed
    }

    private static func reply(_ rendering: SurveillanceRendering, _ alerts: [SurveillanceAlert],
                              _ parameters: RequestParameters) throws(BinanceError) -> Reply {
        switch parameters["format"] ?? "json" {
        case "json":
            return Reply(rendering.json(alerts))
        case "csv":
            var reply = Reply(rendering.csv(alerts))
            reply.contentType = "text/csv;charset=UTF-8"
            return reply
        default:
            throw .invalidParameter("format")
        }
    }

    /// `YYYY-MM-DD` as days since 1970-01-01.
    static func parseDay(_ text: String) throws(BinanceError) -> Int64 {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
              (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
              CivilCalendar.date(fromDays: CivilCalendar.days(year: year, month: month, day: day)) == (year, month, day)
        else { throw .invalidParameter("date") }
        return CivilCalendar.days(year: year, month: month, day: day)
    }
}

/// Which alerts a request asks for, newest `limit` of those that match, oldest first.
private struct AlertFilter {
    var market: MarketId?
    var kind: SurveillanceAlert.Kind?
    var startTime: Timestamp?
    var endTime: Timestamp?
    var fromId: Int64?
    var limit: Int

    init(_ parameters: RequestParameters, _ context: ServerContext) throws(BinanceError) {
        market = try parameters["symbol"].map { symbol throws(BinanceError) in try context.catalog.resolved(symbol: symbol).id }
        if let name = parameters["kind"] {
            guard let kind = SurveillanceAlert.Kind(rawValue: name) else { throw .invalidParameter("kind") }
            self.kind = kind
        }
        startTime = try parameters.timestampMilliseconds("startTime")
        endTime = try parameters.timestampMilliseconds("endTime")
        fromId = try parameters.int64("fromId")
        limit = try parameters.limit(default: 500, max: 10_000)
    }

    func apply(_ alerts: [SurveillanceAlert]) -> [SurveillanceAlert] {
        let matching = alerts.filter { alert in
            (market.map { alert.market == $0 } ?? true) && (kind.map { alert.kind == $0 } ?? true)
                && (startTime.map { alert.time >= $0 } ?? true) && (endTime.map { alert.time <= $0 } ?? true)
                && (fromId.map { alert.id >= $0 } ?? true)
        }
        return Array(fromId == nil ? matching.suffix(limit) : matching.prefix(limit))
    }
}
