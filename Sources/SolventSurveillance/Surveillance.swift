import SolventCore

/// Market surveillance over committed commands: pure and deterministic (the same commands, events
/// and times always raise the same alerts), bounded per market, and fed by one consumer of the
/// commit ring in the server. Tests feed it straight from an `Exchange`.
public struct Surveillance: Sendable {
    public let thresholds: SurveillanceThresholds
    private var wash: WashTradeDetector
    private var spoofing: SpoofingDetector
    private var closing: MarkingTheCloseDetector
    private var band: PriceBandDetector
    private var log = AlertLog()
    private var reports = DailyReports()

    public init(thresholds: SurveillanceThresholds = SurveillanceThresholds(), links: LinkedAccounts = LinkedAccounts()) {
        precondition(thresholds.problems.isEmpty, "thresholds are checked when configured: \(thresholds.problems)")
        self.thresholds = thresholds
        wash = WashTradeDetector(links: links)
        spoofing = SpoofingDetector(thresholds: thresholds)
        closing = MarkingTheCloseDetector(thresholds: thresholds)
        band = PriceBandDetector(thresholds: thresholds)
    }

    /// An order open before the first observed command (the feed seeds these from the exchange).
    public mutating func seed(openOrder order: Order) {
        spoofing.seed(order)
    }

    /// One committed command with its events, applied at `time`. Returns the alerts it raised
    /// (those whose windows closed before it included).
    @discardableResult
    public mutating func observe(_ command: Command, _ events: some Collection<Event>, at time: Timestamp)
        -> [SurveillanceAlert] {
        var raised = advance(to: time)
        var orderEvents: [OrderEvent] = []
        for event in events {
            switch event {
            case .trade(let trade):
                reports.record(trade)
                if let alert = wash.check(trade) { raised.append(keep(alert)) }
                if let alert = band.check(trade) { raised.append(keep(alert)) }
                spoofing.record(trade)
                closing.record(trade)
            case .order(let report):
                if let alert = wash.check(prevention: report) { raised.append(keep(alert)) }
                orderEvents.append(report)
            default:
                break
            }
        }
        if !orderEvents.isEmpty { spoofing.record(orderEvents, byUser: command.cancelsByUser) }
        return raised
    }

    /// Time passed without commands: closes the windows that ended before `time`.
    @discardableResult
    public mutating func advance(to time: Timestamp) -> [SurveillanceAlert] {
        (spoofing.close(before: time) + closing.close(atOrBefore: time)).map { keep($0) }
    }

    private mutating func keep(_ alert: SurveillanceAlert) -> SurveillanceAlert {
        let kept = log.append(alert)
        reports.record(kept)
        return kept
    }

    mutating func restoreKept(_ memory: SurveillanceMemory) {
        precondition(log.nextId == 1 && reports.reports.isEmpty, "restored before anything is observed")
        log.restore(memory)
        memory.reports.forEach { reports.restore($0) }
    }

    /// The reports changed since the last call (what a store must write next).
    public mutating func takeChangedReports() -> [DailyMarketReport] {
        reports.takeChanged()
    }

    /// The alerts kept, oldest first.
    public var alerts: [SurveillanceAlert] { log.alerts }

    /// Alerts raised per kind since start (every kind present).
    public var alertCounts: [SurveillanceAlert.Kind: Int64] {
        Dictionary(uniqueKeysWithValues: SurveillanceAlert.Kind.allCases.map { ($0, log.counts[$0] ?? 0) })
    }

    /// Every market's report for `day` (days since 1970-01-01 UTC), in market order.
    public func reports(day: Int64) -> [DailyMarketReport] {
        reports.reports.filter { $0.key.day == day }.sorted { $0.key < $1.key }.map(\.value)
    }
}

extension Command {
    /// A cancel its account asked for (not one self-trade prevention, expiry or the exchange made).
    /// A cancel-replace moves liquidity rather than pulling it, as market makers reprice, so it is
    /// not one.
    var cancelsByUser: Bool {
        switch self {
        case .cancelOrder, .cancelAllOrders: true
        default: false
        }
    }
}
