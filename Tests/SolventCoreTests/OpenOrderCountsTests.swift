import Testing
@testable import SolventCore
import SolventTestSupport

@Suite("Open-order counts table")
struct OpenOrderCountsTests {
    @Test func agreesWithADictionaryUnderRandomIncrementsAndDecrements() {
        var table = OpenOrderCounts()
        var model: [UInt64: Int32] = [:]
        var random = SplitMix64(seed: 3)
        for _ in 0..<200_000 {
            let account = AccountId.random(in: 0..<300, using: &random)
            let market = MarketId.random(in: 0..<4, using: &random)
            let key = UInt64(account) << 16 | UInt64(market)
            if random.chance(55) {
                table.increment(account, market)
                model[key, default: 0] += 1
            } else if let count = model[key] {
                table.decrement(account, market)
                model[key] = count > 1 ? count - 1 : nil
            }
            #expect(table[account, market] == model[key, default: 0])
        }
        #expect(table.occupied == model.count)
        #expect(table.entries.count == model.count)
        for entry in table.entries {
            #expect(model[UInt64(entry.account) << 16 | UInt64(entry.market)] == entry.count)
        }
    }
}
