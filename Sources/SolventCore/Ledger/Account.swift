/// What the core knows about an account besides its balances.
public struct Account: Hashable, Sendable {
    public var fees: FeeSchedule
    /// Cleared by `setTradingEnabled(false)`: the account may then neither place nor cancel orders.
    public var canTrade: Bool
    /// A custody freeze (`freezeAccount`): no trading and no withdrawals; deposits still credited.
    public var frozen: Bool

    public init(fees: FeeSchedule = .standard, canTrade: Bool = true, frozen: Bool = false) {
        self.fees = fees
        self.canTrade = canTrade
        self.frozen = frozen
    }

    /// Whether the account may place and cancel orders now.
    public var mayTrade: Bool { canTrade && !frozen }
}
