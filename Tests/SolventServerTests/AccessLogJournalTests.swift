import Crypto
import Foundation
import Testing
@testable import SolventServer

/// The auditors' access log checkpointed into the journal: its head is journaled before the
/// answer (every entry here) or by the timer, and an operator who rewrites the file from a line
/// on with a chain recomputed to be consistent is caught, since the journal still holds the old head.
@Suite(.serialized) struct AccessLogJournalTests {
    private static let accessLog = "/sapi/v1/solvent/audit/accessLog"

    private static func report(_ server: TestServer, _ auditor: TestAccount) async throws -> [String: Any] {
        let answer = try await server.signed("GET", accessLog, [:], as: auditor)
        return try #require(answer.json as? [String: Any], "\(answer.text)")
    }

    /// The file with every line from `first` (1-based) on re-chained: line `first` names another
    /// path, and each later line names its new predecessor's hash and carries its own new one.
    private static func rewrite(_ path: String, from first: Int) throws {
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var previous = ""
        for at in lines.indices {
            let cut = try #require(lines[at].range(of: ",\"previous\":\""))
            if at + 1 < first {
                previous = String(try #require(lines[at].split(separator: "\"").dropLast().last))
                continue
            }
            var body = String(lines[at][..<cut.lowerBound])
            if at + 1 == first { body = body.replacingOccurrences(of: "/audit/accounts", with: "/audit/export") }
            let unsigned = body + ",\"previous\":\"\(previous)\"}"
            previous = SHA256.hash(data: Array(unsigned.utf8)).map { String(format: "%02x", $0) }.joined()
            lines[at] = String(unsigned.dropLast()) + ",\"hash\":\"\(previous)\"}"
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aConsistentlyRewrittenLogReadsIntactButNoLongerMatchesTheJournal() async throws {
        let everyEntry: (String, inout ServerConfiguration) throws -> Void = { _, configuration in
            configuration.accessLog.checkpointEntries = 1
        }
        let server = try await TestServer.start(configure: everyEntry)
        let auditor = try await AuditorTests.auditor(server)
        for _ in 0..<3 { _ = try await server.signed("GET", "/sapi/v1/solvent/audit/accounts", [:], as: auditor) }
        let before = try await Self.report(server, auditor)
        let head = try #require(before["head"] as? [String: Any])
        // This very read was journaled before it was answered.
        #expect(head["index"] as? Int == 4)
        let journaled = try #require(before["journaledHead"] as? [String: Any])
        #expect(journaled["index"] as? Int == 4 && journaled["hash"] as? String == head["hash"] as? String, "\(before)")
        #expect(before["matchesJournal"] as? Bool == true && before["intact"] as? Bool == true)
        defer { Task { await server.stop() } }
        try await server.restart {
            try Self.rewrite(server.directory + "/audit/access.log", from: 2)
            #expect(try AccessLog.read(server.directory + "/audit/access.log").brokenAt == nil, "the rewritten chain holds")
        }
        let after = try await Self.report(server, auditor)
        #expect(after["intact"] as? Bool == true && (after["head"] as? [String: Any])?["index"] as? Int == 5, "\(after)")
        // The journal keeps the head it had, and no new head is journaled over the rewritten file.
        let stillJournaled = try #require(after["journaledHead"] as? [String: Any])
        #expect(stillJournaled["index"] as? Int == 4 && stillJournaled["hash"] as? String == head["hash"] as? String)
        #expect(after["matchesJournal"] as? Bool == false, "\(after)")
    }

    @Test func theTimerJournalsAHeadThatWaits() async throws {
        let server = try await TestServer.start { _, configuration in
            configuration.accessLog.checkpointEntries = 1_000
            configuration.accessLog.checkpointSeconds = 1
        }
        defer { Task { await server.stop() } }
        let auditor = try await AuditorTests.auditor(server)
        let first = try await Self.report(server, auditor)
        #expect(first["journaledHead"] is NSNull && first["matchesJournal"] is NSNull, "nothing journaled yet: \(first)")
        try await waitFor("the timer to journal the head") {
            let report = try await Self.report(server, auditor)
            return (report["journaledHead"] as? [String: Any])?["index"] as? Int ?? 0 >= 1 && report["matchesJournal"] as? Bool == true
        }
    }
}
