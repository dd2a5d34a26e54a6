import Foundation
import Logging
@testable import SolventServer
import Testing

/// The `"proof"` section of the configuration file, and the epoch schedule it can turn on.
@Suite struct ProofSettingsTests {
    private func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-config-\(UUID()).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theProofSectionApplies() throws {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        try configuration.apply(configurationFile: try file("""
            {"proof": {"exchangeId": "acme", "treeHeight": 30, "epochIntervalSeconds": 3600,
                       "reserves": {"BTC": "12.5"}, "publicJournalRecords": true}}
            """))
        let proof = configuration.proof
        #expect(proof.exchangeId == "acme" && proof.treeHeight == 30 && proof.epochIntervalSeconds == 3600)
        #expect(proof.reserves == ["BTC": "12.5"] && proof.publicJournalRecords)
        #expect(proof.checkpointOrigin == "acme/journal")
    }

    @Test func aTypoInTheProofSectionIsRefused() throws {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        #expect(throws: ServerError.self) {
            try configuration.apply(configurationFile: try file(#"{"proof": {"treeHeigth": 20}}"#))
        }
    }

    @Test func aScheduledEpochIsPublishedWithoutBeingAsked() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-schedule-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = ServerConfiguration(dataDirectory: directory)
        configuration.proof.epochIntervalSeconds = 1
        configuration.proof.treeHeight = 8
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let parts = try await SolventApplication.assemble(configuration, logger: logger)
        let schedule = EpochSchedule.start(parts.proof) { _ in }
        var waited = 0
        while parts.proof.store.latestEpoch() == nil && waited < 100 {
            try await Task.sleep(nanoseconds: 100_000_000)
            waited += 1
        }
        schedule?.cancel()
        parts.context.sequencer.stop()
        parts.proof.journalLog.close(through: parts.context.sequencer.committedSequence)
        #expect(parts.proof.store.latestEpoch() != nil)
        #expect(try parts.proof.store.header(1)?.header.height == 8)
    }

    @Test func aBadExchangeIdStopsTheStart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-badid-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = ServerConfiguration(dataDirectory: directory)
        configuration.proof.exchangeId = "no spaces allowed"
        await #expect(throws: ServerError.self) { _ = try await SolventApplication.assemble(configuration, logger: Logger(label: "t")) }
    }
}
