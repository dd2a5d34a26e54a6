import Foundation
import Testing
@testable import SolventServer

/// Surveillance keeps what it concluded across restarts and examines what it had not reached.
@Suite("Surveillance across a restart")
struct SurveillanceRestartTests {
    /// A wash trade flagged before a restart is listed after it with the same id and evidence; one
    /// committed just before the stop is flagged exactly once whether the feed reached it before
    /// the stop or is handed it by recovery; and with its store gone the feed is caught up from
    /// the journal, flagging both again with the same ids (the detectors are deterministic).
    @Test func alertsSurviveARestartAndUnexaminedTradesAreFlaggedOnce() async throws {
        let (server, alice, bob) = try await SurveillanceAlertsTests.linkedPair()
        defer { Task { await server.stop() } }
        _ = try await SurveillanceAlertsTests.washTrade(server, seller: alice, buyer: bob)
        let before = try await Self.washAlerts(server)
        #expect(before.count == 1, "\(before)")

        _ = try await SurveillanceAlertsTests.washTrade(server, seller: alice, buyer: bob)  // committed, and at once the stop
        try await server.restart()
        let after = try await Self.washAlerts(server)
        #expect(after.count == 2, "\(after)")
        #expect(after.map { $0["id"] as? Int } == [1, 2])
        #expect(NSDictionary(dictionary: after.first ?? [:]).isEqual(to: before.first ?? [:]), "\(after) \(before)")
        let report = try await server.admin("GET", "/admin/v1/surveillance/report", ["symbol": "BTCUSDT"])
        let day = (report.json as? [[String: Any]])?.first
        #expect(day?["trades"] as? Int == 2 && (day?["alerts"] as? [String: Int])?["WASH_TRADE"] == 2, "\(report.text)")

        try await server.restart()
        #expect(try await Self.washAlerts(server).map { $0["id"] as? Int } == [1, 2], "a clean restart examines nothing twice")

        // A store that holds nothing: recovery hands the feed the whole journal.
        try await server.restart {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: server.directory + "/surveillance.sqlite" + suffix) }
        }
        let rebuilt = try await Self.washAlerts(server)
        #expect(rebuilt.count == 2 && NSArray(array: rebuilt).isEqual(to: after), "\(rebuilt)")
    }

    private static func washAlerts(_ server: TestServer) async throws -> [[String: Any]] {
        let listed = try await server.admin("GET", "/admin/v1/surveillance/alerts", ["kind": "WASH_TRADE"])
        return listed.json as? [[String: Any]] ?? []
    }
}
