import Foundation
import Testing
@testable import SolventServer

/// `solvent serve --config`: every setting applies, and a typo is an error rather than a default.
struct ConfigurationFileTests {
    private func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-config-\(UUID()).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func settingsInTheFileApply() throws {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        try configuration.apply(configurationFile: try file("""
            {"host": "0.0.0.0", "port": 9001, "masterKey": "/k",
             "rateLimits": {"enforced": false, "weightPerMinute": 10, "ordersPerTenSeconds": 3},
             "journal": {"maxBatch": 64, "snapshotEvery": 500, "segmentBytes": 8192}}
            """))
        #expect(try configuration.host == "0.0.0.0" && configuration.port == 9001 && configuration.masterKeyFile == "/k")
        #expect(!configuration.rateLimits.enforced && configuration.rateLimits.weightPerMinute == 10)
        #expect(configuration.rateLimits.ordersPerTenSeconds == 3 && configuration.rateLimits.ordersPerDay == 200_000)
        #expect(configuration.sequencer.maxBatch == 64 && configuration.sequencer.snapshotInterval == 500)
        #expect(configuration.sequencer.segmentSizeLimit == 8192)
    }

    @Test func connectionLimitsApplyAndNonsenseIsRefusedAtStart() throws {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        try configuration.apply(configurationFile: try file("""
            {"connections": {"idleSeconds": 30, "requestHeadSeconds": 5, "openMax": 100},
             "streams": {"connectionsPerIPPerFiveMinutes": 5000}}
            """))
        #expect(configuration.streams.connectionsPerIPPerFiveMinutes == 5000 && configuration.streams.connectionsMax == 10_000)
        #expect(configuration.connections.idleSeconds == 30 && configuration.connections.requestHeadSeconds == 5)
        #expect(configuration.connections.requestBodySeconds == 30 && configuration.connections.openMax == 100)
        try configuration.connections.validate()
        configuration.connections.requestHeadSeconds = 0
        #expect(throws: ServerError.self) { try configuration.connections.validate() }
        configuration.connections.requestHeadSeconds = 5
        configuration.connections.openMax = 0
        #expect(throws: ServerError.self) { try configuration.connections.validate() }
        #expect(throws: ServerError.self) {
            try configuration.apply(configurationFile: try file(#"{"connections": {"idle": 1}}"#))
        }
    }

    @Test func accessLogCheckpointsApplyAndNonsenseIsRefused() throws {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        #expect(configuration.accessLog.checkpointEntries == 100 && configuration.accessLog.checkpointSeconds == 60)
        try configuration.apply(configurationFile: try file(#"{"audit": {"checkpointEntries": 1, "checkpointSeconds": 5}}"#))
        #expect(configuration.accessLog.checkpointEntries == 1 && configuration.accessLog.checkpointSeconds == 5)
        for refused in [#"{"audit": {"checkpointEntries": 0}}"#, #"{"audit": {"checkpointSeconds": 0}}"#,
                        #"{"audit": {"checkpointEvery": 5}}"#] {
            #expect(throws: ServerError.self, "\(refused)") { try configuration.apply(configurationFile: try file(refused)) }
        }
    }

    @Test func unknownKeysAndBadJSONAreRefused() throws {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        #expect(throws: ServerError.self) { try configuration.apply(configurationFile: try file(#"{"prot": 1}"#)) }
        #expect(throws: ServerError.self) {
            try configuration.apply(configurationFile: try file(#"{"journal": {"maxbatch": 1}}"#))
        }
        #expect(throws: ServerError.self) { try configuration.apply(configurationFile: try file("[1, 2")) }
        #expect(throws: ServerError.self) { try configuration.apply(configurationFile: "/nonexistent/solvent.json") }
    }
}
