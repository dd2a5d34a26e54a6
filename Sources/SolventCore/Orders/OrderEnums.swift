// The order vocabulary of Binance's spot API (spec §4.1). Raw values are the wire names and also
// the stable binary encoding's tags, so cases are never renumbered: add at the end.

public enum Side: UInt8, Sendable, CaseIterable {
    case buy, sell

    public var opposite: Side { self == .buy ? .sell : .buy }
    public var wireName: String { self == .buy ? "BUY" : "SELL" }
}

public enum OrderType: UInt8, Sendable, CaseIterable {
    case limit, market, limitMaker, stopLoss, stopLossLimit, takeProfit, takeProfitLimit

    public var wireName: String {
        switch self {
        case .limit: "LIMIT"
        case .market: "MARKET"
        case .limitMaker: "LIMIT_MAKER"
        case .stopLoss: "STOP_LOSS"
        case .stopLossLimit: "STOP_LOSS_LIMIT"
        case .takeProfit: "TAKE_PROFIT"
        case .takeProfitLimit: "TAKE_PROFIT_LIMIT"
        }
    }

    /// Waits for the last trade price to reach its stop price before it works.
    public var isConditional: Bool {
        switch self {
        case .stopLoss, .stopLossLimit, .takeProfit, .takeProfitLimit: true
        case .limit, .market, .limitMaker: false
        }
    }

    /// Carries a limit price (once triggered, for the conditional kinds).
    public var hasLimitPrice: Bool {
        switch self {
        case .limit, .limitMaker, .stopLossLimit, .takeProfitLimit: true
        case .market, .stopLoss, .takeProfit: false
        }
    }

    /// What a conditional order becomes when its stop triggers.
    public var triggered: OrderType {
        switch self {
        case .stopLoss, .takeProfit: .market
        case .stopLossLimit, .takeProfitLimit: .limit
        case .limit, .market, .limitMaker: self
        }
    }
}

public enum TimeInForce: UInt8, Sendable, CaseIterable {
    case gtc, ioc, fok

    public var wireName: String {
        switch self {
        case .gtc: "GTC"
        case .ioc: "IOC"
        case .fok: "FOK"
        }
    }
}

public enum OrderStatus: UInt8, Sendable, CaseIterable {
    case new, partiallyFilled, filled, canceled, rejected, expired, expiredInMatch

    public var wireName: String {
        switch self {
        case .new: "NEW"
        case .partiallyFilled: "PARTIALLY_FILLED"
        case .filled: "FILLED"
        case .canceled: "CANCELED"
        case .rejected: "REJECTED"
        case .expired: "EXPIRED"
        case .expiredInMatch: "EXPIRED_IN_MATCH"
        }
    }

    /// Still able to trade or be canceled.
    public var isOpen: Bool { self == .new || self == .partiallyFilled }

    /// The transitions of spec §4.2; anything else is a bug in the engine.
    public func canBecome(_ next: OrderStatus) -> Bool {
        switch (self, next) {
        case (.new, .new), (.new, .partiallyFilled), (.new, .filled), (.new, .canceled),
             (.new, .expired), (.new, .expiredInMatch), (.new, .rejected),
             (.partiallyFilled, .partiallyFilled), (.partiallyFilled, .filled),
             (.partiallyFilled, .canceled), (.partiallyFilled, .expired),
             (.partiallyFilled, .expiredInMatch):
            true
        default:
            false
        }
    }
}

/// Execution type of an order event (`x` of an executionReport).
public enum ExecutionType: UInt8, Sendable, CaseIterable {
    case new, canceled, replaced, rejected, trade, expired, tradePrevention

    public var wireName: String {
        switch self {
        case .new: "NEW"
        case .canceled: "CANCELED"
        case .replaced: "REPLACED"
        case .rejected: "REJECTED"
        case .trade: "TRADE"
        case .expired: "EXPIRED"
        case .tradePrevention: "TRADE_PREVENTION"
        }
    }
}

/// Self-trade prevention mode; the *taker's* mode decides what happens when it meets its own account.
public enum SelfTradePreventionMode: UInt8, Sendable, CaseIterable {
    case none, expireTaker, expireMaker, expireBoth, decrement

    public var wireName: String {
        switch self {
        case .none: "NONE"
        case .expireTaker: "EXPIRE_TAKER"
        case .expireMaker: "EXPIRE_MAKER"
        case .expireBoth: "EXPIRE_BOTH"
        case .decrement: "DECREMENT"
        }
    }
}

/// Why an order ended `EXPIRED` or `EXPIRED_IN_MATCH` (`eR`).
public enum ExpiryReason: UInt8, Sendable, CaseIterable {
    case none, unfilledIOCQuantityExpired, unfilledFOKOrderExpired, insufficientLiquidity,
         selfTradePrevention, exchangeCanceled, insufficientBalance,
         /// Cancelled because a ruling in the account's jurisdiction now forbids it.
         jurisdictionRestricted

    public var wireName: String {
        switch self {
        case .none, .selfTradePrevention: "NONE"
        case .unfilledIOCQuantityExpired: "UNFILLED_IOC_QUANTITY_EXPIRED"
        case .unfilledFOKOrderExpired: "UNFILLED_FOK_ORDER_EXPIRED"
        case .insufficientLiquidity: "INSUFFICIENT_LIQUIDITY"
        case .exchangeCanceled: "EXCHANGE_CANCELED"
        case .insufficientBalance: "REJECTED"
        case .jurisdictionRestricted: "JURISDICTION_RESTRICTED"
        }
    }
}

/// `cancelRestrictions`: cancel only if the order is in this state.
public enum CancelRestriction: UInt8, Sendable, CaseIterable {
    case none, onlyNew, onlyPartiallyFilled
}

/// `cancelReplaceMode`.
public enum CancelReplaceMode: UInt8, Sendable, CaseIterable {
    /// Place the new order only if the cancel succeeded.
    case stopOnFailure
    /// Place the new order whatever the cancel did.
    case allowFailure
}
