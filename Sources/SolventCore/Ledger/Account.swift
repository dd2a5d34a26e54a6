/// What the core knows about an account besides its balances.
public struct Account: Hashable, Sendable {
    public var fees: FeeSchedule
    /// Cleared by a custody freeze: the account may then neither place nor cancel orders.
    public var canTrade: Bool

    public init(fees: FeeSchedule = .standard, canTrade: Bool = true) {
        self.fees = fees
        self.canTrade = canTrade
    }
}
