import Foundation
import SolventCommandLine
import SolventCore

/// One symbol's prices, as exchange-core's order generator draws them. Everything is in ticks.
///
/// The start price is `10^(3.3 + 1.5·U + 1.5·U)` ticks (about 2,000 to 2,000,000), the deviation
/// `dev = min(5 % of price, 10,000)` ticks, and trades are kept inside the band price ± 5·dev:
/// instant orders (IOC, FOK) are priced at the band's edge so that they take whatever is there.
struct PriceModel: Sendable {
    let startTicks: Int64
    let deviationTicks: Int64

    var minTicks: Int64 { startTicks - 5 * deviationTicks }
    var maxTicks: Int64 { startTicks + 5 * deviationTicks }

    init(startTicks: Int64) {
        precondition(startTicks >= 100, "a start price under 100 ticks leaves no room for the band")
        self.startTicks = startTicks
        self.deviationTicks = min(startTicks / 20, 10_000)
        assert(minTicks > 0, "the band must stay above zero")
    }

    /// exchange-core's draw of a symbol's start price.
    static func random(using random: inout SeededRandom) -> PriceModel {
        let exponent = 3.3 + random.unit() * 1.5 + random.unit() * 1.5
        return PriceModel(startTicks: Int64(pow(10, exponent)))
    }

    /// A GTC price: bids at or below the last trade, asks at or above it.
    ///
    /// Offset = (mean of 4 uniform draws in [0, d)) · 2 − d, with d = 1 + U² · dev, flipped to the
    /// passive side; so most orders sit near the touch and a few far out.
    func gtcTicks(_ side: Side, lastTicks: Int64, using random: inout SeededRandom) -> Int64 {
        let u = random.unit()
        let spread = 1 + Int(u * u * Double(deviationTicks))
        var sum: Int64 = 0
        for _ in 0..<4 { sum += Int64(random.below(spread)) }
        var offset = sum / 4 * 2 - Int64(spread)
        if (offset > 0) != (side == .sell) { offset = -offset }
        let price = lastTicks + offset
        assert(side == .buy ? price <= lastTicks : price >= lastTicks, "GTC must be passive to the last trade")
        return max(price, 1)
    }

    /// The limit of an instant (IOC or FOK) order: the far edge of the band, so it sweeps the book.
    func instantTicks(_ side: Side) -> Int64 {
        side == .buy ? maxTicks : minTicks
    }

    /// A move: 1 % of the way toward the last trade price, at least one tick (a coin flip when
    /// already there), never above the band.
    func movedTicks(from previous: Int64, lastTicks: Int64, using random: inout SeededRandom) -> Int64 {
        let distance = Double(lastTicks - previous) * 0.01
        let step: Int64
        if previous > lastTicks {
            step = Int64(distance.rounded(.down))
        } else if previous < lastTicks {
            step = Int64(distance.rounded(.up))
        } else {
            step = random.below(2) == 0 ? -1 : 1
        }
        assert(step != 0, "a move moves at least one tick")
        return max(1, min(previous + step, maxTicks))
    }

    /// The last trade price the generator steers by, held inside the band.
    func clamped(_ ticks: Int64) -> Int64 {
        min(max(ticks, minTicks), maxTicks)
    }
}
