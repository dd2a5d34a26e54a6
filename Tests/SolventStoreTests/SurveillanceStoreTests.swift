import Foundation
import SolventCore
@testable import SolventStore
import SolventSurveillance
import Testing

@Suite("Surveillance store")
struct SurveillanceStoreTests {
    static func alert(_ id: Int64, _ kind: SurveillanceAlert.Kind, at time: Timestamp) -> SurveillanceAlert {
        SurveillanceAlert(id: id, kind: kind, market: 3, time: time, firstTime: time - 10, lastTime: time,
                          accounts: [2, 1], orders: [40, 41], trades: [7], preventedMatches: id == 2 ? [5, 6] : [],
                          prices: [5_000_000_000_000, 5_010_000_000_000], quantity: 1_000_000,
                          detail: "accounts 2 and 1, linked, on both sides")
    }

    /// Alerts and reports written in two stretches come back, from a reopened file, as they went
    /// in, with every kind's count, the next id and the position.
    @Test func alertsReportsAndPositionRoundTripThroughTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("surveillance-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var report = DailyMarketReport(day: 19_676, market: 3)
        (report.trades, report.volume, report.open, report.high, report.low, report.close) = (2, 3_000, 10, 12, 9, 11)
        report.alerts[.washTrade] = 2
        let alerts = [Self.alert(1, .washTrade, at: 1_700_000_000_000), Self.alert(2, .washTrade, at: 1_700_000_000_500),
                      Self.alert(3, .priceMove, at: 1_700_000_001_000)]
        do {
            let store = try SQLiteSurveillanceStore(path: path)
            #expect(try store.position() == 0)
            try store.record(alerts: Array(alerts[..<2]), reports: [report], through: 17)
            report.alerts[.priceMove] = 1
            try store.record(alerts: [alerts[2]], reports: [report], through: 20)
        }
        let reopened = try SQLiteSurveillanceStore(path: path)
        #expect(try reopened.position() == 20)
        let memory = try reopened.load(alertsMax: 10, daysMax: 400)
        #expect(memory.alerts == alerts)
        #expect(memory.counts == [.washTrade: 2, .priceMove: 1] && memory.nextId == 4)
        #expect(memory.reports == [report])
        let newest = try reopened.load(alertsMax: 2, daysMax: 400)
        #expect(newest.alerts.map(\.id) == [2, 3] && newest.counts[.washTrade] == 2, "counts cover every alert kept on disk")
    }

    /// What `Surveillance` restores from a store it continues: ids, counts and the day's report.
    @Test func surveillanceContinuesFromARestoredMemory() throws {
        var report = DailyMarketReport(day: 5, market: 0)
        report.trades = 4
        var surveillance = Surveillance()
        surveillance.restore(SurveillanceMemory(alerts: [Self.alert(9, .spoofing, at: 5 * 86_400_000)],
                                                counts: [.spoofing: 9], nextId: 10, reports: [report]))
        #expect(surveillance.alerts.map(\.id) == [9] && surveillance.alertCounts[.spoofing] == 9)
        #expect(surveillance.reports(day: 5) == [report])
        #expect(surveillance.takeChangedReports().isEmpty, "a restored report is not written back unchanged")
    }
}
