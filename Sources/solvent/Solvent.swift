import ArgumentParser

/// The `solvent` command: a spot exchange whose users can check that their assets are there.
struct Solvent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solvent",
        abstract: "Solvent, a spot crypto exchange.",
        discussion: "Start with `solvent demo` to watch a live in-process exchange trade.",
        subcommands: [ServeCommand.self, DemoCommand.self, AdminCommand.self, EpochCommand.self,
                      AuditCommand.self, JournalCheckCommand.self, ChainCommand.self])
}
