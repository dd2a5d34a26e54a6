/// What applying a command did, in the order it happened. Events are the only output of the core:
/// the API answers from them, the streams publish them, the history store projects them.
///
/// Every case is plain data (no strings, arrays or sets), so copying an event is a `memcpy` and
/// clearing a buffer of them costs nothing per event; a listing event names the new id, and the
/// listing command beside it in the journal holds the spec.
public enum Event: Hashable, Sendable {
    case assetListed(AssetId)
    case marketListed(MarketId)
    case marketStatusChanged(MarketId, MarketStatus)
    case accountOpened(AccountId, FeeSchedule)
    case feesChanged(AccountId, FeeSchedule)
    case tradingEnabledChanged(AccountId, Bool)
    /// The command, or one stage of it, was refused; nothing else in that stage happened.
    case rejected(Rejection)
    /// An order changed: an executionReport.
    case order(OrderEvent)
    /// A public trade.
    case trade(Trade)
    /// An account's balance in one asset after the command (outboundAccountPosition material);
    /// one per touched (account, asset), after the command's other events.
    case balance(BalanceChange)
    /// Money entered or left the exchange, or was held for a withdrawal (balanceUpdate material).
    case ledger(LedgerEntry)
    /// A chain deposit, a withdrawal or an account's freeze changed state.
    case custody(CustodyEvent)
}

/// A refusal with its Binance code, and which part of the command it concerns.
public struct Rejection: Hashable, Sendable {
    public enum Stage: UInt8, Sendable {
        /// The whole command (every command but cancel-replace).
        case command
        /// The cancel half of a cancel-replace.
        case cancel
        /// The new-order half of a cancel-replace.
        case newOrder
    }

    public var reason: RejectReason
    public var stage: Stage

    public init(_ reason: RejectReason, stage: Stage = .command) {
        self.reason = reason
        self.stage = stage
    }
}

/// An executionReport: the order after the change, and what the change was.
public struct OrderEvent: Hashable, Sendable {
    /// What only some executions carry. One enum rather than three fields keeps every event (and
    /// so every copy the engine makes of one) about a quarter smaller.
    public enum Detail: Hashable, Sendable {
        case none
        /// The fill a `.trade` execution reports.
        case fill(Fill)
        /// The prevented match a `.tradePrevention` execution reports.
        case prevented(PreventedMatch)
        /// A cancel's own client id (`c`); the order's stays in `order.clientOrderId` (`C`).
        case canceledBy(ClientOrderId)
    }

    public var execution: ExecutionType
    public var order: Order
    public var detail: Detail
    public var time: Timestamp

    public init(execution: ExecutionType, order: Order, detail: Detail = .none, time: Timestamp) {
        self.execution = execution
        self.order = order
        self.detail = detail
        self.time = time
    }

    /// The fill of a `.trade` execution, else `Fill.none`.
    public var fill: Fill {
        if case .fill(let fill) = detail { fill } else { .none }
    }

    /// The prevented match of a `.tradePrevention` execution, else `PreventedMatch.none`.
    public var prevented: PreventedMatch {
        if case .prevented(let match) = detail { match } else { .none }
    }

    /// The cancel request's own client id, else empty.
    public var cancelClientOrderId: ClientOrderId {
        if case .canceledBy(let id) = detail { id } else { .none }
    }
}

/// A public trade (`@trade` stream, `myTrades` for both sides).
public struct Trade: Hashable, Sendable {
    public var market: MarketId
    public var id: TradeId
    public var price: Price
    public var quantity: Quantity
    public var quote: QuoteAmount
    public var buyerOrderId: OrderId
    public var sellerOrderId: OrderId
    public var buyerAccount: AccountId
    public var sellerAccount: AccountId
    /// The side of the incoming order; `isBuyerMaker` is `takerSide == .sell`.
    public var takerSide: Side
    public var time: Timestamp

    public init(market: MarketId, id: TradeId, price: Price, quantity: Quantity, quote: QuoteAmount,
                buyerOrderId: OrderId, sellerOrderId: OrderId, buyerAccount: AccountId, sellerAccount: AccountId,
                takerSide: Side, time: Timestamp) {
        self.market = market
        self.id = id
        self.price = price
        self.quantity = quantity
        self.quote = quote
        self.buyerOrderId = buyerOrderId
        self.sellerOrderId = sellerOrderId
        self.buyerAccount = buyerAccount
        self.sellerAccount = sellerAccount
        self.takerSide = takerSide
        self.time = time
    }

    /// The resting (maker) order was the buyer: Binance's `isBuyerMaker` / `m`.
    public var isBuyerMaker: Bool { takerSide == .sell }

    /// The order that came in and took liquidity.
    public var takerOrderId: OrderId { takerSide == .buy ? buyerOrderId : sellerOrderId }
}

/// An account's free and locked balance of one asset, after a change.
public struct BalanceChange: Hashable, Sendable {
    public var account: AccountId
    public var asset: AssetId
    public var free: Amount
    public var locked: Amount
    public var time: Timestamp
}

/// Money crossing the exchange's boundary, or held on its way out.
public struct LedgerEntry: Hashable, Sendable {
    public enum Kind: UInt8, Sendable {
        case deposit, withdrawalRequested, withdrawalConfirmed, withdrawalReleased
    }

    public var kind: Kind
    public var account: AccountId
    public var asset: AssetId
    public var amount: Amount
    /// The withdrawal this entry belongs to; 0 for a deposit.
    public var withdrawal: WithdrawalId
    public var time: Timestamp
}
