import ArgumentParser

/// Custody's operator commands: `custody`, `withdrawals pending|approve|reject|limits`, `freeze`, `unfreeze`,
/// `allow-list-only`. Every change names the operator and the reason; the journal keeps both.
extension AdminCommand {
    struct Withdrawals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdrawals", abstract: "Withdrawals held by the exchange, and the operator's decision on them.",
            subcommands: [Pending.self, Approve.self, Reject.self, Limits.self])
    }

    struct Custody: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "custody",
            abstract: "Each hot wallet against its floor and ceiling, and the withdrawals waiting for a refill.")
        @OptionGroup var target: AdminTarget

        func run() async throws { try await target.send("GET", "/admin/v1/custody", []) }
    }

    struct Decision: ParsableArguments {
        @Option(name: .customLong("operator"), help: "Who decides (recorded in the journal).") var operatorName: String
        @Option(help: "Why (recorded in the journal).") var reason: String
        @Option(help: "An outside reference: a ticket, a court order.") var reference: String?

        var parameters: [(String, String?)] { [("operator", operatorName), ("reason", reason), ("reference", reference)] }
    }

    struct Pending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pending", abstract: "List every held withdrawal.")
        @OptionGroup var target: AdminTarget

        func run() async throws { try await target.send("GET", "/admin/v1/withdrawals", []) }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a withdrawal awaiting approval.")
        @OptionGroup var target: AdminTarget
        @Option var withdrawal: Int64
        @OptionGroup var decision: Decision

        func run() async throws {
            try await target.send("POST", "/admin/v1/withdrawal/approve", [("withdrawal", String(withdrawal))] + decision.parameters)
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Refuse a withdrawal not yet broadcast.")
        @OptionGroup var target: AdminTarget
        @Option var withdrawal: Int64
        @OptionGroup var decision: Decision

        func run() async throws {
            try await target.send("POST", "/admin/v1/withdrawal/reject", [("withdrawal", String(withdrawal))] + decision.parameters)
        }
    }

    struct Limits: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "limits", abstract: "Set an asset's rolling 24-hour withdrawal limits (omitted: none).")
        @OptionGroup var target: AdminTarget
        @Option var asset: String
        @Option(help: "Per account, a plain decimal.") var perAccount: String?
        @Option(help: "Over the whole exchange, a plain decimal.") var perAsset: String?
        @OptionGroup var decision: Decision

        func run() async throws {
            try await target.send("POST", "/admin/v1/withdrawal/limits",
                                  [("asset", asset), ("perAccount", perAccount), ("perAsset", perAsset)] + decision.parameters)
        }
    }

    struct Freeze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "freeze", abstract: "Freeze an account: its orders are cancelled, no trading, no withdrawals.")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32
        @OptionGroup var decision: Decision

        func run() async throws {
            try await target.send("POST", "/admin/v1/account/freeze", [("account", String(account))] + decision.parameters)
        }
    }

    struct Unfreeze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unfreeze", abstract: "Unfreeze an account.")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32
        @OptionGroup var decision: Decision

        func run() async throws {
            try await target.send("POST", "/admin/v1/account/unfreeze", [("account", String(account))] + decision.parameters)
        }
    }

    struct AllowListOnly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allow-list-only",
            abstract: "Let an account withdraw only to its booked addresses (off locks its withdrawals for a while).")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32
        @Option(help: "true or false.") var enabled: Bool
        @OptionGroup var decision: Decision

        func run() async throws {
            try await target.send("POST", "/admin/v1/account/allowListOnly",
                                  [("account", String(account)), ("enabled", String(enabled))] + decision.parameters)
        }
    }
}
