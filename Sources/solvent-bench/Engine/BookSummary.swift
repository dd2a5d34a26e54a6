import SolventCore

/// The books at the end of a run: how many orders rest, on how many price levels, and a digest of
/// every resting order and last price so two runs of the same stream can be compared.
struct BookSummary {
    private(set) var restingBySide: [[Int]] = [[], []]   // [side][market]
    private(set) var bidLevels = 0
    private(set) var askLevels = 0
    private(set) var digest: UInt64 = 0xCBF2_9CE4_8422_2325   // FNV-1a offset basis

    init(_ exchange: Exchange, markets: Int) {
        for market in 0..<markets {
            let id = MarketId(market)
            for side in Side.allCases {
                let orders = exchange.openOrders(id, side)
                restingBySide[Int(side.rawValue)].append(orders.count)
                var levels = 0
                var previous: Price? = nil
                for order in orders {
                    if order.price != previous { levels += 1; previous = order.price }
                    mix(UInt64(bitPattern: order.id))
                    mix(UInt64(bitPattern: order.price))
                    mix(UInt64(bitPattern: order.remainingQuantity))
                }
                if side == .buy { bidLevels += levels } else { askLevels += levels }
            }
            mix(UInt64(bitPattern: exchange.lastPrice(id) ?? -1))
        }
    }

    func resting(_ market: MarketId, _ side: Side) -> Int {
        restingBySide[Int(side.rawValue)][Int(market)]
    }

    var restingOrders: Int { restingBySide.joined().reduce(0, +) }

    private mutating func mix(_ word: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            digest ^= (word >> UInt64(shift)) & 0xFF
            digest &*= 0x0000_0100_0000_01B3
        }
    }
}
