import Foundation
@testable import SolventServer
import Testing

/// The sign-in rules from `solvent serve --config`'s `users` object, and their bounds.
struct UserSettingsTests {
    private func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("solvent-users-\(UUID()).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theUsersObjectApplies() throws {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/x")
        try configuration.apply(configurationFile: try file("""
            {"users": {"passwordRounds": 700000, "lockoutFailures": 3, "lockoutSeconds": 60, "attemptsPerMinute": 7,
                       "sessionSeconds": 3600, "secureCookies": true}}
            """))
        let users = configuration.users
        #expect(users.passwordRounds == 700_000 && users.lockoutFailures == 3 && users.lockoutSeconds == 60)
        #expect(users.attemptsPerMinute == 7 && users.sessionSeconds == 3600 && users.secureCookies)
        #expect(throws: ServerError.self) { try configuration.apply(configurationFile: try file(#"{"users": {"lockout": 1}}"#)) }
    }

    @Test func theDefaultsAreTheDocumentedOnesAndBoundsAreChecked() throws {
        let defaults = UserSettings()
        #expect(defaults.passwordRounds == 600_000 && defaults.lockoutFailures == 5 && defaults.lockoutSeconds == 900)
        #expect(defaults.attemptsPerMinute == 20 && defaults.sessionSeconds == 43_200 && !defaults.secureCookies)
        try defaults.validate()
        var cheap = defaults
        cheap.passwordRounds = 209_999
        #expect(throws: ServerError.self) { try cheap.validate() }
        var never = defaults
        never.lockoutFailures = 0
        #expect(throws: ServerError.self) { try never.validate() }
        var brief = defaults
        brief.sessionSeconds = 59
        #expect(throws: ServerError.self) { try brief.validate() }
    }
}
