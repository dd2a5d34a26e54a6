import SolventCore

/// What surveillance has concluded and must not forget at a restart: the alerts kept, the count
/// and next id they continue from, and the daily reports. A store saves it (with the last
/// sequence examined) and hands it back to `Surveillance.restore` at start.
///
/// The detectors' open windows are not part of it: they restart empty, then fill again from the
/// records the journal hands the feed after its position (see `SurveillanceFeed`).
public struct SurveillanceMemory: Sendable, Equatable {
    /// The newest alerts, oldest first (at most `AlertLog.alertsMax`).
    public var alerts: [SurveillanceAlert]
    /// Alerts ever raised, per kind.
    public var counts: [SurveillanceAlert.Kind: Int64]
    /// The id the next alert gets.
    public var nextId: Int64
    public var reports: [DailyMarketReport]

    public init(alerts: [SurveillanceAlert] = [], counts: [SurveillanceAlert.Kind: Int64] = [:], nextId: Int64 = 1,
                reports: [DailyMarketReport] = []) {
        precondition(nextId >= 1 && alerts.allSatisfy { $0.id < nextId }, "every kept alert was numbered before nextId")
        self.alerts = alerts
        self.counts = counts
        self.nextId = nextId
        self.reports = reports
    }
}

extension Surveillance {
    /// Takes up what a store kept; only before the first observed command.
    public mutating func restore(_ memory: SurveillanceMemory) {
        restoreKept(memory)
    }
}

extension Surveillance {
    /// The most alerts kept in memory (and so restored).
    public static let alertsKeptMax = AlertLog.alertsMax
    /// The most days of reports kept in memory (and so restored).
    public static let reportDaysMax = DailyReports.daysMax
}
