import ArgumentParser

/// `solvent-bench`: the benchmarks and the crash harness, kept out of the operator's `solvent`.
/// Build with `-c release` for figures; every benchmark reports medians and a baseline measured
/// in the same run.
struct SolventBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solvent-bench",
        abstract: "Solvent's benchmarks and crash harness (not part of the product).",
        subcommands: [EngineBenchCommand.self, HTTPBenchCommand.self, RequestBenchCommand.self,
                      HistoryBenchCommand.self, StreamBenchCommand.self, ProofBenchCommand.self,
                      LogBenchCommand.self, CrashTestCommand.self, PipeCommand.self])
}
