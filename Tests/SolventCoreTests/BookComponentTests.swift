import Testing
@testable import SolventCore
import SolventTestSupport

// The parts of `FastBook`, each checked against a plain model under a random stream. The
// differential book test covers them together; these pin a failure to one part.

@Suite struct BookComponents {
    @Test func tickWindowFindsTheNeighbouringSetBitsLikeALinearScan() {
        var rng = SplitMix64(seed: 7)
        var window = TickWindow(base: 1_000, spacing: 5, bitCount: 4_096)
        var model = [Bool](repeating: false, count: 4_096)
        for step in 0..<20_000 {
            let bit = rng.below(8) == 0 ? rng.below(4_096) : 2_000 + rng.below(64) * rng.below(8)
            if model[bit] {
                window.remove(at: bit)
            } else {
                window.insert(LevelIndex(bit), at: bit)
            }
            model[bit].toggle()
            let probe = rng.below(4_097)
            #expect(window.highest(below: probe) == (0..<probe).last { model[$0] }, "step \(step)")
            #expect(window.lowest(above: probe - 1) == (probe..<4_096).first { model[$0] }, "step \(step)")
        }
        window.validate()
        #expect(window.count == model.filter { $0 }.count)
    }

    @Test func tickWindowMapsOnlyKeysOnItsGridAndInsideItsSpan() {
        let window = TickWindow(base: 1_000, spacing: 5, bitCount: 1_024)
        #expect(window.bit(for: 1_000) == 0 && window.bit(for: 1_005) == 1)
        #expect(window.bit(for: 1_000 + 5 * 1_023) == 1_023)
        #expect(window.bit(for: 1_000 + 5 * 1_024) == nil)  // past the end
        #expect(window.bit(for: 995) == nil && window.bit(for: 1_003) == nil)  // before, off the grid
        #expect(window.key(ofBit: 7) == 1_035)
        let huge = TickWindow(base: UInt64.max - 10_000_000, spacing: 1_000_000, bitCount: 1_024)
        #expect(huge.bit(for: UInt64.max - 1_000_000) == 9 && huge.bit(for: UInt64.max) == 10)
        #expect(huge.bit(for: UInt64.max - 500_000) == nil)
        #expect(TickWindow().bit(for: 0) == nil)
    }

    @Test func ladderKeepsPriorityWhileTheMarketDriftsAcrossWindows() {
        var rng = SplitMix64(seed: 11)
        var ladder = PriceLadder(side: .sell)
        var model: [Price: LevelIndex] = [:]
        var nextLevel: LevelIndex = 0
        var mid: Price = 50_000
        for step in 0..<30_000 {
            mid += step.isMultiple(of: 3) ? (step < 15_000 ? -1 : 1) : 0
            let price = (mid + Price(rng.below(30) * rng.below(30))) * 100
            if let level = model[price] {
                ladder.remove(level, price: price)
                model[price] = nil
            } else {
                #expect(ladder.level(at: price) == noLevel)
                ladder.insert(nextLevel, price: price)
                model[price] = nextLevel
                nextLevel += 1
            }
            #expect(ladder.bestPrice == model.keys.min() && ladder.count == model.count, "step \(step)")
        }
        ladder.validate()
        var visited: [Price] = []
        ladder.visitFromBest { level, price in
            #expect(model[price] == level)
            visited.append(price)
            return true
        }
        #expect(visited == model.keys.sorted())
        #expect(ladder.placements > 2 && ladder.windowSpacing == 100)
    }

    @Test func idTableMatchesADictionaryUnderChurn() {
        var rng = SplitMix64(seed: 3)
        var table = OrderIdTable()
        var model: [OrderId: Slot] = [:]
        var nextId: OrderId = 1
        for step in 0..<50_000 {
            if model.count < 500 || rng.below(2) == 0 {
                table.insert(nextId, Slot(step & 0xFFFF))
                model[nextId] = Slot(step & 0xFFFF)
                nextId += 1
            } else {
                let id = nextId - OrderId(1 + rng.below(2_000))
                #expect(table.remove(id) == (model.removeValue(forKey: id) ?? OrderIdTable.absent))
            }
            let probe = nextId - OrderId(rng.below(2_000))
            #expect(table.find(probe) == model[probe] ?? OrderIdTable.absent)
        }
        #expect(table.count == model.count)
        table.forEachEntry { id, slot in #expect(model[id] == slot) }
    }

    @Test func sortedLevelsStayInOrder() {
        var rng = SplitMix64(seed: 5)
        var sorted = SortedLevels(capacity: 2)
        var model: [UInt64: LevelIndex] = [:]
        for step in 0..<5_000 {
            let key = UInt64(rng.below(300)) << 50
            if let level = model[key] {
                #expect(sorted.remove(key) == level)
                model[key] = nil
            } else {
                sorted.insert(LevelIndex(step), key: key)
                model[key] = LevelIndex(step)
            }
        }
        sorted.validate()
        #expect((0..<sorted.count).map { sorted.key(at: $0) } == model.keys.sorted())
        #expect(sorted.bestKey == model.keys.max())
    }
}
