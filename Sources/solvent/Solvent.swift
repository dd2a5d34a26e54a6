import ArgumentParser

/// The `solvent` command: a spot exchange whose users can check that their assets are there.
struct Solvent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solvent",
        abstract: "Solvent, a spot crypto exchange.",
        discussion: "Start with `solvent demo` to watch a live in-process exchange trade.",
        subcommands: [ServeCommand.self, AdminCommand.self, DemoCommand.self, BenchCommand.self, HTTPBenchCommand.self,
                      StreamBenchCommand.self, ProofBenchCommand.self, HistoryBenchCommand.self, LogBenchCommand.self,
                      PipeCommand.self, CrashTestCommand.self, JournalCheckCommand.self, EpochCommand.self, AuditCommand.self,
                      RequestBenchCommand.self])
}
