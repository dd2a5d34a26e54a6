/// The alerts raised, newest last, at most `alertsMax` of them (the oldest go first); the counts
/// per kind cover every alert ever raised.
struct AlertLog: Sendable {
    static let alertsMax = 10_000

    private(set) var alerts: [SurveillanceAlert] = []
    private(set) var nextId: Int64 = 1
    private(set) var counts: [SurveillanceAlert.Kind: Int64] = [:]

    /// Continues a kept log (`SurveillanceMemory`): newest alerts, counts and numbering.
    mutating func restore(_ memory: SurveillanceMemory) {
        alerts = Array(memory.alerts.suffix(Self.alertsMax))
        nextId = memory.nextId
        counts = memory.counts
    }

    /// Numbers the alert and keeps it; returns it numbered.
    mutating func append(_ alert: SurveillanceAlert) -> SurveillanceAlert {
        var alert = alert
        alert.id = nextId
        nextId += 1
        counts[alert.kind, default: 0] += 1
        if alerts.count == Self.alertsMax { alerts.removeFirst(Self.alertsMax / 10) }
        alerts.append(alert)
        assert(alerts.count <= Self.alertsMax, "the log is bounded")
        return alert
    }
}
