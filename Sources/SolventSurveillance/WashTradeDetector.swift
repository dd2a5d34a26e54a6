import SolventCore

/// Wash trades: a trade whose buyer and seller are one account (self-trade prevention off) or two
/// linked accounts, and a match self-trade prevention stopped (the intent was there even though
/// nothing traded). Stateless but for the last prevented match seen: a prevention that ends both
/// orders reports the same match on each.
struct WashTradeDetector: Sendable {
    var links: LinkedAccounts
    private var lastPreventedMatch: Int64 = 0

    init(links: LinkedAccounts) {
        self.links = links
    }

    func check(_ trade: Trade) -> SurveillanceAlert? {
        let same = trade.buyerAccount == trade.sellerAccount
        guard same || links.linked(trade.buyerAccount, trade.sellerAccount) else { return nil }
        let who = same ? "account \(trade.buyerAccount) on both sides"
            : "linked accounts \(trade.buyerAccount) (buyer) and \(trade.sellerAccount) (seller)"
        return SurveillanceAlert(
            kind: .washTrade, market: trade.market, time: trade.time, firstTime: trade.time, lastTime: trade.time,
            accounts: same ? [trade.buyerAccount] : [trade.buyerAccount, trade.sellerAccount],
            orders: [trade.buyerOrderId, trade.sellerOrderId], trades: [trade.id], prices: [trade.price],
            quantity: trade.quantity, detail: "trade \(trade.id) with \(who)")
    }

    /// A `.tradePrevention` execution: the first report of each prevented match is an alert.
    mutating func check(prevention report: OrderEvent) -> SurveillanceAlert? {
        let match = report.prevented
        guard report.execution == .tradePrevention, match.id > lastPreventedMatch else { return nil }
        lastPreventedMatch = match.id
        let account = report.order.account
        return SurveillanceAlert(
            kind: .washTrade, market: report.order.market, time: report.time, firstTime: report.time,
            lastTime: report.time, accounts: [account], orders: [match.takerOrderId, match.makerOrderId], trades: [],
            preventedMatches: [match.id], prices: [match.price], quantity: match.quantity,
            detail: "self-trade prevention stopped match \(match.id): account \(account) on both sides")
    }
}
