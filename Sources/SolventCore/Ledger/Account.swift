/// What the core knows about an account besides its balances.
public struct Account: Hashable, Sendable {
    public var fees: FeeSchedule
    /// Cleared by `setTradingEnabled(false)`: the account may then neither place nor cancel orders.
    public var canTrade: Bool
    /// A custody freeze (`freezeAccount`): no trading and no withdrawals; deposits still credited.
    public var frozen: Bool
    /// When one of its balances (free or locked, any asset) last changed, in engine time: the
    /// time of the command that changed it. The account's opening until then. What
    /// `/api/v3/account` reports as `updateTime`.
    public var balancesUpdatedAt: Timestamp

    public init(fees: FeeSchedule = .standard, canTrade: Bool = true, frozen: Bool = false,
                balancesUpdatedAt: Timestamp = 0) {
        self.fees = fees
        self.canTrade = canTrade
        self.frozen = frozen
        self.balancesUpdatedAt = balancesUpdatedAt
    }

    /// Whether the account may place and cancel orders now.
    public var mayTrade: Bool { canTrade && !frozen }
}
