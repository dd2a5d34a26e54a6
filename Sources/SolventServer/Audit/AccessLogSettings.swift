/// How often the auditors' access log's head is journaled (`recordAccessLogHead`): after every
/// `checkpointEntries`-th entry, and at most `checkpointSeconds` after an entry still unjournaled.
public struct AccessLogSettings: Sendable, Equatable {
    public var checkpointEntries = 100
    public var checkpointSeconds = 60

    public init() {}
}

/// The `audit` object of the configuration file, e.g. `"audit": {"checkpointEntries": 100, "checkpointSeconds": 60}`.
struct AccessLogSettingsFile: Decodable {
    var checkpointEntries: Int?
    var checkpointSeconds: Int?

    static let keys: Set<String> = ["checkpointEntries", "checkpointSeconds"]

    func apply(to settings: inout AccessLogSettings) throws {
        // A day at most: a longer wait leaves the log's tail unfixed for longer than any audit cycle wants.
        guard (checkpointEntries ?? 1) >= 1, (1...86_400).contains(checkpointSeconds ?? 1) else {
            throw ServerError("audit: checkpointEntries must be >= 1, checkpointSeconds 1...86400")
        }
        settings.checkpointEntries = checkpointEntries ?? settings.checkpointEntries
        settings.checkpointSeconds = checkpointSeconds ?? settings.checkpointSeconds
    }
}
