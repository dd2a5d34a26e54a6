import Foundation
import Testing
@testable import SolventServer

/// The configuration file's `surveillance` object: thresholds and linked accounts apply, and
/// thresholds that could not work are refused at start.
struct SurveillanceSettingsTests {
    private func apply(_ json: String) throws -> ServerConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-config-\(UUID()).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        try configuration.apply(configurationFile: path)
        return configuration
    }

    @Test func thresholdsAndLinkedAccountsApply() throws {
        let configuration = try apply("""
            {"surveillance": {"linkedAccounts": [[3, 4], [9, 10, 11]], "spoofSizeMultiple": 8,
                              "bandBasisPoints": 300, "closeMinuteOfDay": 960}}
            """)
        let settings = configuration.surveillance
        #expect(settings.linkedAccounts == [[3, 4], [9, 10, 11]])
        #expect(settings.thresholds.spoofSizeMultiple == 8 && settings.thresholds.bandBasisPoints == 300)
        #expect(settings.thresholds.closeMinuteOfDay == 960 && settings.thresholds.spoofImbalanceMultiple == 4)
    }

    @Test func unknownOrUnworkableSettingsAreRefused() {
        #expect(throws: ServerError.self) { try apply(#"{"surveillance": {"spoofSizeMultiplier": 8}}"#) }
        #expect(throws: ServerError.self) { try apply(#"{"surveillance": {"closeShareBasisPoints": 20000}}"#) }
        #expect(throws: ServerError.self) { try apply(#"{"surveillance": {"bandWindowMilliseconds": 0}}"#) }
        #expect(throws: ServerError.self) { try apply(#"{"surveillance": {"closeMinuteOfDay": 1440}}"#) }
    }
}
