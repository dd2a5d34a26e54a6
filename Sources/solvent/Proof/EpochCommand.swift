import ArgumentParser

/// `solvent epoch`: publishes an epoch of proof of liabilities (the running server's, or the
/// data directory's when it is down), sets reserves, and shows a user their secret.
struct EpochCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epoch",
        abstract: "Publish a proof-of-liabilities epoch; set reserves; show a user's secret.",
        subcommands: [Publish.self, Reserves.self, Secret.self],
        defaultSubcommand: Publish.self)

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the liabilities tree at the current journal position and sign its header.")
        @OptionGroup var target: AdminTarget

        func run() async throws {
            try await target.send("POST", "/admin/v1/solvent/epoch", [])
        }
    }

    struct Reserves: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the reserves claimed for one asset that no chain carries.",
            discussion: "An asset whose chain custody reads (chain.url) has the wallets' attested balances as its reserves instead.")
        @OptionGroup var target: AdminTarget
        @Option(help: "The asset, e.g. BTC.") var asset: String
        @Option(help: "The reserve, a decimal in the asset's units, e.g. 1250.5.") var amount: String

        func run() async throws {
            try await target.send("POST", "/admin/v1/solvent/reserves", [("asset", asset), ("amount", amount)])
        }
    }

    struct Secret: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an account's proof secret (for its owner: it opens their leaves).")
        @OptionGroup var target: AdminTarget
        @Option(help: "The account id.") var account: Int

        func run() async throws {
            try await target.send("GET", "/admin/v1/solvent/secret", [("account", String(account))])
        }
    }
}
