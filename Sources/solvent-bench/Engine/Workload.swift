import SolventCore

/// Which benchmark to build: exchange-core's single-symbol test, or many symbols at once.
enum BenchVariant: String, CaseIterable, Sendable, Codable {
    case single, multi
}

/// The size of a workload.
struct WorkloadShape: Sendable, Codable {
    var variant: BenchVariant
    var symbols: Int
    var accounts: Int
    /// Accounts that trade each symbol (every one of them is funded in its base asset).
    var usersPerSymbol: Int
    /// GTC orders placed per symbol before timing; also the resting-order target per symbol.
    var restingPerSymbol: Int
    var commands: Int
    var seed: UInt64

    /// 1,000 accounts, one symbol, 1,000 resting orders: exchange-core's single-symbol test.
    static func single(commands: Int, seed: UInt64) -> WorkloadShape {
        WorkloadShape(variant: .single, symbols: 1, accounts: 1_000, usersPerSymbol: 1_000,
                      restingPerSymbol: 1_000, commands: commands, seed: seed)
    }

    /// 1,000 symbols with Pareto-distributed activity, 100,000 accounts (each trading 10 symbols),
    /// and 100 resting orders per symbol (100,000 in all): a scaled-down exchange-core "medium".
    static func multi(commands: Int, seed: UInt64) -> WorkloadShape {
        WorkloadShape(variant: .multi, symbols: 1_000, accounts: 100_000, usersPerSymbol: 1_000,
                      restingPerSymbol: 100, commands: commands, seed: seed)
    }
}

/// A generated benchmark: the untimed setup (listings, accounts, deposits, prefill) and the
/// timed commands, with what the generation pass saw them do.
struct Workload: Sendable {
    var shape: WorkloadShape
    var setup: [Command]
    var commands: [Command]
    var stats: WorkloadStats
}

/// What the stream did when it was generated (the timed replays must do exactly the same).
struct WorkloadStats: Sendable, Codable {
    var setupCommands = 0
    var prefillOrders = 0
    /// Timed commands by `CommandKind.label`.
    var mix: [String: Int] = [:]
    var fills = 0
    /// Timed commands that produced at least one trade.
    var tradingCommands = 0
    /// Rejections during the timed stream, by reason and stage.
    var rejections: [String: Int] = [:]
    /// The first few rejected commands, for diagnosis.
    var rejectionExamples: [String] = []
    var restingOrders = 0
    var bidLevels = 0
    var askLevels = 0
    /// Single symbol: its start price and deviation in ticks.
    var startTicks: Int64 = 0
    var deviationTicks: Int64 = 0
    /// Share of the timed commands taken by the busiest symbol, and how many symbols got none.
    var busiestSymbolShare = 0.0
    var idleSymbols = 0
    var generationSeconds = 0.0
    /// Replay check: final resting orders per side and last price, one entry per symbol, hashed.
    var finalBookDigest: UInt64 = 0

    var tradeFraction: Double {
        let total = mix.values.reduce(0, +)
        return total == 0 ? 0 : Double(tradingCommands) / Double(total)
    }

    var rejectionCount: Int { rejections.values.reduce(0, +) }
}
