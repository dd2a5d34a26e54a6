import ArgumentParser

/// Surveillance's operator commands: `surveillance alerts` (JSON, or CSV to export) and
/// `surveillance report` (each market's day). Both read the running server, which answers from
/// what it keeps in memory and in `surveillance.sqlite` (one source: the feed's state).
extension AdminCommand {
    struct Surveillance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "surveillance", abstract: "Market surveillance's alerts and daily reports.",
            subcommands: [Alerts.self, Report.self])
    }

    struct Alerts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alerts", abstract: "List alerts with their evidence (WASH_TRADE, SPOOFING, LAYERING, "
                + "MARKING_THE_CLOSE, PRICE_MOVE).")
        @OptionGroup var target: AdminTarget
        @Option var symbol: String?
        @Option var kind: String?
        @Option(help: "Alerts raised at or after this time (ms).") var startTime: Int64?
        @Option(help: "Alerts raised at or before this time (ms).") var endTime: Int64?
        @Option(help: "At most this many (the newest; up to 10000).") var limit: Int?
        @Option(help: "json or csv.") var format: String?

        func run() async throws {
            try await target.send("GET", "/admin/v1/surveillance/alerts", [
                ("symbol", symbol), ("kind", kind), ("startTime", startTime.map(String.init)),
                ("endTime", endTime.map(String.init)), ("limit", limit.map(String.init)), ("format", format),
            ])
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: "Each market's day: trading and the alerts it raised.")
        @OptionGroup var target: AdminTarget
        @Option(help: "The UTC day, YYYY-MM-DD (default today).") var date: String?
        @Option var symbol: String?

        func run() async throws {
            try await target.send("GET", "/admin/v1/surveillance/report", [("date", date), ("symbol", symbol)])
        }
    }
}
