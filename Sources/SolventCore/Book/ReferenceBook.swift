/// The order book written to be obviously right: one array per side, kept sorted by priority.
/// Every operation is a linear scan. Tests run the engine on it and on `FastBook` side by side.
public struct ReferenceBook: OrderBook {
    private var bids: [Order] = []
    private var asks: [Order] = []

    public init() {}

    public var count: Int { bids.count + asks.count }

    public func bestPrice(_ side: Side) -> Price? {
        side == .buy ? bids.first?.price : asks.first?.price
    }

    public func order(_ id: OrderId) -> Order? {
        bids.first { $0.id == id } ?? asks.first { $0.id == id }
    }

    public mutating func insert(_ order: Order) {
        precondition(self.order(order.id) == nil, "order \(order.id) is already on the book")
        // Behind every order at the same or a better price: price first, then arrival.
        let side = order.side
        let index = self[side].firstIndex { side.isBetter(order.price, than: $0.price) } ?? self[side].count
        self[side].insert(order, at: index)
    }

    public mutating func remove(_ id: OrderId) -> Order? {
        for side in Side.allCases {
            if let index = self[side].firstIndex(where: { $0.id == id }) {
                return self[side].remove(at: index)
            }
        }
        return nil
    }

    public mutating func update<R>(_ id: OrderId, _ body: (inout Order) -> R) -> R? {
        for side in Side.allCases {
            if let index = self[side].firstIndex(where: { $0.id == id }) {
                return editKeepingKey(side, index, body)
            }
        }
        return nil
    }

    public mutating func updateFront<R>(_ side: Side, _ body: (inout Order) -> R) -> R? {
        self[side].isEmpty ? nil : editKeepingKey(side, 0, body)
    }

    public mutating func removeFront(_ side: Side) -> Order? {
        self[side].isEmpty ? nil : self[side].removeFirst()
    }

    public mutating func rotateFront(_ side: Side) {
        guard let front = removeFront(side) else { return }
        insert(front)
    }

    public func forEach(_ side: Side, _ body: (Order) -> Bool) {
        for order in self[side] where !body(order) { return }
    }

    private mutating func editKeepingKey<R>(_ side: Side, _ index: Int, _ body: (inout Order) -> R) -> R {
        let before = self[side][index]
        let result = body(&self[side][index])
        let after = self[side][index]
        precondition(after.id == before.id && after.side == before.side && after.price == before.price,
                     "a book update must not move the order")
        return result
    }

    private subscript(side: Side) -> [Order] {
        get { side == .buy ? bids : asks }
        _modify {
            if side == .buy { yield &bids } else { yield &asks }
        }
    }
}
