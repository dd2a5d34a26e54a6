/// An account's holding of one asset: `free` can be spent, `locked` is reserved by open orders
/// and pending withdrawals. Neither is ever negative.
public struct Balance: Hashable, Sendable {
    public var free: Amount
    public var locked: Amount

    public init(free: Amount = 0, locked: Amount = 0) {
        self.free = free
        self.locked = locked
    }

    public static let zero = Balance()

    @inlinable public var total: Amount { free + locked }
}
