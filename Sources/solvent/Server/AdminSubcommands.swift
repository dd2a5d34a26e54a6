import ArgumentParser
import Foundation

extension AdminCommand {
    struct CreateAccount: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create-account", abstract: "Open an account.")
        @OptionGroup var target: AdminTarget

        func run() async throws { try await target.send("POST", "/admin/v1/account", []) }
    }

    struct CreateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-key",
            abstract: "Create an API key; its HMAC secret (or generated Ed25519 private key) is shown once.")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32
        @Option(help: "HMAC, ED25519 or RSA.") var type = "HMAC"
        @Option(help: "PEM file with the public key (ED25519: optional, generated if absent; RSA: required).")
        var publicKey: String?
        @Option(help: "Comma-separated: read, trade, withdraw (needs an IP allow-list), proof (the proof secret).") var permissions = "read,trade"
        @Option(help: "Comma-separated IPs allowed to use the key (default: any).") var ipAllowList: String?
        @Option var label: String?

        func run() async throws {
            let pem = try publicKey.map { try String(contentsOfFile: $0, encoding: .utf8) }
            try await target.send("POST", "/admin/v1/apiKey", [
                ("account", String(account)), ("type", type), ("publicKey", pem), ("permissions", permissions),
                ("ipAllowList", ipAllowList), ("label", label),
            ])
        }
    }

    struct ListKeys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list-keys", abstract: "List API keys (no secrets).")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32?

        func run() async throws { try await target.send("GET", "/admin/v1/apiKeys", [("account", account.map(String.init))]) }
    }

    struct RevokeKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-key", abstract: "Revoke an API key.")
        @OptionGroup var target: AdminTarget
        @Option var apiKey: String

        func run() async throws { try await target.send("DELETE", "/admin/v1/apiKey", [("apiKey", apiKey)]) }
    }

    struct EnableKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable-key", abstract: "Enable or disable an API key.")
        @OptionGroup var target: AdminTarget
        @Option var apiKey: String
        @Option(help: "true or false.") var enabled: Bool

        func run() async throws {
            try await target.send("POST", "/admin/v1/apiKey/enabled", [("apiKey", apiKey), ("enabled", String(enabled))])
        }
    }

    struct Deposit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deposit", abstract: "Credit a deposit.")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32
        @Option var asset: String
        @Option(help: "A plain decimal, e.g. 1.5") var amount: String

        func run() async throws {
            try await target.send("POST", "/admin/v1/deposit",
                                  [("account", String(account)), ("asset", asset), ("amount", amount)])
        }
    }

    struct Balances: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "balances", abstract: "An account's balances.")
        @OptionGroup var target: AdminTarget
        @Option var account: UInt32

        func run() async throws { try await target.send("GET", "/admin/v1/balances", [("account", String(account))]) }
    }

    struct AddAsset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-asset", abstract: "List an asset.")
        @OptionGroup var target: AdminTarget
        @Option var name: String
        @Option(help: "Decimal places.") var scale = 8

        func run() async throws {
            try await target.send("POST", "/admin/v1/asset", [("name", name), ("scale", String(scale))])
        }
    }

    struct AddMarket: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-market", abstract: "List a market.")
        @OptionGroup var target: AdminTarget
        @Option var symbol: String
        @Option var base: String
        @Option var quote: String
        @Option var tickSize: String
        @Option var stepSize: String
        @Option var minQty: String?
        @Option var maxQty: String?
        @Option var minNotional: String?

        func run() async throws {
            try await target.send("POST", "/admin/v1/market", [
                ("symbol", symbol), ("baseAsset", base), ("quoteAsset", quote), ("tickSize", tickSize),
                ("stepSize", stepSize), ("minQty", minQty), ("maxQty", maxQty), ("minNotional", minNotional),
            ])
        }
    }

    struct Halt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "halt", abstract: "Halt a market (cancels only).")
        @OptionGroup var target: AdminTarget
        @Option var symbol: String

        func run() async throws {
            try await target.send("POST", "/admin/v1/market/status", [("symbol", symbol), ("status", "HALT")])
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume trading on a market.")
        @OptionGroup var target: AdminTarget
        @Option var symbol: String

        func run() async throws {
            try await target.send("POST", "/admin/v1/market/status", [("symbol", symbol), ("status", "TRADING")])
        }
    }
}
