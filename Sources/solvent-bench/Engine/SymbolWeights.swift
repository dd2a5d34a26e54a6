import Foundation
import SolventCommandLine

/// How activity spreads over symbols: exchange-core draws one Pareto(scale 0.001, shape 1.5)
/// sample per symbol and normalises them to shares of the command stream. A few symbols then
/// take most commands and most take almost none, as on a real exchange.
struct SymbolWeights: Sendable {
    let shares: [Double]
    private let cumulative: [Double]

    init(count: Int, using random: inout SeededRandom) {
        precondition(count > 0, "at least one symbol")
        let scale = 0.001, shape = 1.5
        // Inverse CDF: x = scale / U^(1/shape), U in (0, 1].
        let raw = (0..<count).map { _ in scale / pow(1 - random.unit(), 1 / shape) }
        let total = raw.reduce(0, +)
        shares = raw.map { $0 / total }
        var running = 0.0
        cumulative = shares.map { running += $0; return running }
    }

    /// A symbol drawn with probability equal to its share.
    func pick(using random: inout SeededRandom) -> Int {
        let u = random.unit() * (cumulative.last ?? 1)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > u { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
