import ArgumentParser

/// Jurisdictions' operator commands: `jurisdiction` (an account's place), `ruling` (an asset's
/// standing in a place, from an effective time, with the ruling's case id) and `rulings` (those
/// in force and the history). Every change names the operator and the reason; the journal keeps them.
extension AdminCommand {
    struct SetJurisdiction: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jurisdiction",
            abstract: "Set an account's jurisdiction (ISO 3166: US, or US-NY; NONE clears it); orders its rulings forbid are cancelled.")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32
        @Option(help: "ISO 3166-1 alpha-2 country, optionally -region (ISO 3166-2), or NONE.") var jurisdiction: String
        @OptionGroup var decision: Decision

        func run() async throws {
            try await target.send("POST", "/admin/v1/account/jurisdiction",
                                  [("account", String(account)), ("jurisdiction", jurisdiction)] + decision.parameters)
        }
    }

    struct SetRuling: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ruling",
            abstract: "Record a ruling on an asset in a jurisdiction: ALLOWED, SELL_AND_WITHDRAW_ONLY or BLOCKED.")
        @OptionGroup var target: AdminTarget
        @Option var asset: String
        @Option(help: "The country (US) or region (US-NY) the ruling governs.") var jurisdiction: String
        @Option(help: "ALLOWED, SELL_AND_WITHDRAW_ONLY or BLOCKED.") var status: String
        @Option(help: "When it governs, Unix milliseconds (default: now).") var effectiveTime: Int64?
        @Option(name: .customLong("operator"), help: "Who records it (in the journal).") var operatorName: String
        @Option(help: "Why (in the journal).") var reason: String
        @Option(help: "The ruling's case id: a court's or a regulator's (required).") var reference: String

        func run() async throws {
            try await target.send("POST", "/admin/v1/asset/ruling", [
                ("asset", asset), ("jurisdiction", jurisdiction), ("status", status),
                ("effectiveTime", effectiveTime.map(String.init)),
                ("operator", operatorName), ("reason", reason), ("reference", reference),
            ])
        }
    }

    struct Rulings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rulings", abstract: "List the rulings in force and every ruling recorded.")
        @OptionGroup var target: AdminTarget

        func run() async throws { try await target.send("GET", "/admin/v1/rulings", []) }
    }
}
