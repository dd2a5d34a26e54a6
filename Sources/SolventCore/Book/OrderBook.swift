/// One market's resting orders in price-time priority.
///
/// Two implementations stand behind this protocol, as in exchange-core: `ReferenceBook`, plain
/// sorted arrays that are obviously right, and `FastBook`, the pooled, index-linked one the engine
/// runs on. The matching engine is generic over the book, and the property tests drive both with
/// the same commands and require the same events and state hash.
///
/// The book orders orders; it never decides anything about them. Callers guarantee an order is
/// open, not conditional-pending, has `visibleQuantity > 0`, and that ids are unique.
public protocol OrderBook {
    init()

    /// Number of resting orders.
    var count: Int { get }

    /// Best (highest bid, lowest ask) price on `side`, `nil` when that side is empty.
    func bestPrice(_ side: Side) -> Price?

    /// The resting order with this id, if any.
    func order(_ id: OrderId) -> Order?

    /// Adds `order` at the back of its price level on `order.side`.
    mutating func insert(_ order: Order)

    /// Removes and returns the order, `nil` if it is not resting here.
    @discardableResult
    mutating func remove(_ id: OrderId) -> Order?

    /// Edits a resting order in place, keeping its priority. The edit must not change its id,
    /// side or price. Returns `nil` when the order is not here.
    mutating func update<R>(_ id: OrderId, _ body: (inout Order) -> R) -> R?

    /// Edits the first order of the best level on `side` in place; `nil` when the side is empty.
    mutating func updateFront<R>(_ side: Side, _ body: (inout Order) -> R) -> R?

    /// Removes and returns the first order of the best level on `side`.
    @discardableResult
    mutating func removeFront(_ side: Side) -> Order?

    /// Moves the first order of the best level on `side` to the back of that level
    /// (an iceberg showing a fresh tranche loses its time priority).
    mutating func rotateFront(_ side: Side)

    /// Visits `side` from the best price outward, oldest first within a level, until `body`
    /// returns false.
    func forEach(_ side: Side, _ body: (Order) -> Bool)
}

extension OrderBook {
    /// True when the best bid is at or above the best ask: the book must never be left so.
    public var isCrossed: Bool {
        guard let bid = bestPrice(.buy), let ask = bestPrice(.sell) else { return false }
        return bid >= ask
    }

    /// All resting orders on `side` in priority order.
    public func orders(_ side: Side) -> [Order] {
        var result: [Order] = []
        forEach(side) { result.append($0); return true }
        return result
    }
}

extension Side {
    /// Whether a price on this side is better than (ahead of) `other`.
    @inlinable
    public func isBetter(_ price: Price, than other: Price) -> Bool {
        self == .buy ? price > other : price < other
    }
}
