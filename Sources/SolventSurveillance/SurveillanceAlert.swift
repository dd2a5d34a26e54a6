import SolventCore

/// One pattern a detector saw, with its evidence: the orders, trades, prevented matches,
/// accounts, prices and times it rests on, so an analyst can check it against the journal.
public struct SurveillanceAlert: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The same account, or linked accounts, on both sides of a trade, or of a match that
        /// self-trade prevention stopped.
        case washTrade = "WASH_TRADE"
        /// A large order near the touch, cancelled soon after its account traded on the other side.
        case spoofing = "SPOOFING"
        /// The same, at several price levels at once.
        case layering = "LAYERING"
        /// One account's aggressive trades moved the price across the window before the close.
        case markingTheClose = "MARKING_THE_CLOSE"
        /// A trade beyond the band around the trailing window's prices.
        case priceMove = "PRICE_MOVE"
    }

    /// Increasing from 1 in the order alerts were raised.
    public var id: Int64 = 0
    public var kind: Kind
    public var market: MarketId
    /// The engine time the alert was raised at.
    public var time: Timestamp
    /// The evidence's first and last times.
    public var firstTime: Timestamp
    public var lastTime: Timestamp
    public var accounts: [AccountId]
    public var orders: [OrderId]
    public var trades: [TradeId]
    /// Ids of the matches self-trade prevention stopped (`PreventedMatch.id`).
    public var preventedMatches: [Int64] = []
    /// The evidence's prices, in the order the detail names them.
    public var prices: [Price]
    /// The quantity involved (traded, prevented or cancelled), in base units.
    public var quantity: Quantity
    /// Why, in a sentence.
    public var detail: String

    public init(id: Int64 = 0, kind: Kind, market: MarketId, time: Timestamp, firstTime: Timestamp, lastTime: Timestamp,
                accounts: [AccountId], orders: [OrderId], trades: [TradeId], preventedMatches: [Int64] = [],
                prices: [Price], quantity: Quantity, detail: String) {
        self.id = id
        self.kind = kind
        self.market = market
        self.time = time
        self.firstTime = firstTime
        self.lastTime = lastTime
        self.accounts = accounts
        self.orders = orders
        self.trades = trades
        self.preventedMatches = preventedMatches
        self.prices = prices
        self.quantity = quantity
        self.detail = detail
    }

    /// Evidence lists are cut at this length; the detail says how many there were.
    public static let evidenceMax = 100
}

extension Array {
    /// The first `SurveillanceAlert.evidenceMax` elements.
    var evidence: [Element] { Array(prefix(SurveillanceAlert.evidenceMax)) }
}
