import SolventCore
import SolventWire

/// One side of a market's aggregated book: price levels, best first, each with the total
/// visible quantity resting there. Sorted storage with binary search: the best level and the
/// top N are direct reads, a change is O(log n) to find plus a shift when a level comes or goes.
struct BookSide {
    let side: Side
    private(set) var levels: [DepthLevel] = []

    init(side: Side) {
        self.side = side
    }

    var best: DepthLevel? { levels.first }

    func top(_ count: Int) -> [DepthLevel] {
        Array(levels.prefix(count))
    }

    /// Quantity at `price`, 0 when there is no level.
    func quantity(at price: Price) -> Quantity {
        let index = position(of: price)
        return index < levels.count && levels[index].price == price ? levels[index].quantity : 0
    }

    /// Adds `delta` (negative to take away) at `price`; a level that reaches 0 goes.
    mutating func add(_ delta: Quantity, at price: Price) {
        let index = position(of: price)
        if index < levels.count && levels[index].price == price {
            levels[index].quantity += delta
            precondition(levels[index].quantity >= 0, "level \(price) fell below zero")
            if levels[index].quantity == 0 { levels.remove(at: index) }
        } else {
            precondition(delta > 0, "taking \(-delta) from an empty level \(price)")
            levels.insert(DepthLevel(price: price, quantity: delta), at: index)
        }
    }

    /// Where `price` is or would go: bids run high to low, asks low to high.
    private func position(of price: Price) -> Int {
        var low = 0, high = levels.count
        while low < high {
            let middle = (low + high) / 2
            let before = side == .buy ? levels[middle].price > price : levels[middle].price < price
            if before { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
