import ArgumentParser

/// The `solvent` command: a spot exchange whose users can check that their assets are there.
struct Solvent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solvent",
        abstract: "Solvent, a spot crypto exchange.",
        discussion: "Start with `solvent demo`: a live exchange with its web page, traded by bots through the API.",
        subcommands: [ServeCommand.self, DemoCommand.self, AdminCommand.self, EpochCommand.self,
                      AuditCommand.self, JournalCheckCommand.self, ChainCommand.self])
}
