import SolventCore
import SolventWire

/// Price levels of a book side, aggregated from the engine's open orders (best first).
enum BookReading {
    static func levels(_ exchange: Exchange, _ market: MarketId, _ side: Side, limit: Int) -> [DepthLevel] {
        var levels: [DepthLevel] = []
        for order in exchange.openOrders(market, side) {
            let visible = order.visibleQuantity
            if let last = levels.last, last.price == order.price {
                levels[levels.count - 1].quantity += visible
            } else {
                if levels.count == limit { break }
                levels.append(DepthLevel(price: order.price, quantity: visible))
            }
        }
        return levels
    }

    static func best(_ exchange: Exchange, _ market: MarketId, _ side: Side) -> DepthLevel? {
        levels(exchange, market, side, limit: 1).first
    }
}
