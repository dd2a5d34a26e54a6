import SolventCore

/// Spoofing and layering: an account rests a large order near the touch on one side, trades on
/// the other, and cancels the large order soon after. Cancels that qualify gather per (account,
/// market, side) for the cancel window after the first; when the window has passed they make one
/// alert, layering when they stood at `layeringLevelsMin` prices or more.
struct SpoofingDetector: Sendable {
    private struct GroupKey: Hashable {
        var account: AccountId
        var market: MarketId
        var side: Side
    }

    /// Cancels gathering into one alert.
    private struct Group {
        var deadline: Timestamp
        var orders: [Order] = []
        var trades: [Trade] = []
    }

    let thresholds: SurveillanceThresholds
    private(set) var tapes: [MarketId: MarketTape] = [:]
    private var resting = RestingOrders()
    private var groups: [GroupKey: Group] = [:]

    init(thresholds: SurveillanceThresholds) {
        self.thresholds = thresholds
    }

    mutating func record(_ trade: Trade) {
        tapes[trade.market, default: MarketTape()].append(trade)
    }

    /// One command's order events; `byUser` when the command was its account's own cancel. Its
    /// cancels are judged against what rested before the command: a cancel-all that pulls one
    /// side first must not make the other look one-sided.
    mutating func record(_ reports: [OrderEvent], byUser: Bool) {
        if byUser {
            for report in reports where report.execution == .canceled { consider(report.order, at: report.time) }
        }
        for report in reports { resting.update(report.order) }
    }

    /// Seeds what an account rests with an order open before the feed started.
    mutating func seed(_ order: Order) {
        resting.update(order)
    }

    private mutating func consider(_ order: Order, at time: Timestamp) {
        let unfilled = order.remainingQuantity
        guard let tape = tapes[order.market], let mean = tape.meanQuantity(tradesMin: thresholds.spoofTradesMin),
              unfilled >= thresholds.spoofSizeMultiple * max(1, mean) else { return }
        let other: Side = order.side == .buy ? .sell : .buy
        let since = max(order.workingTime, time - thresholds.spoofCancelWithinMilliseconds)
        let nearTouch = tape.trades(of: order.account, on: other, since: since).filter {
            abs(basisPoints(from: $0.price, to: order.price)) <= thresholds.spoofTouchBasisPoints
        }
        guard !nearTouch.isEmpty else { return }
        let leaning = resting.quantity(order.account, order.market, order.side)
        guard leaning >= thresholds.spoofImbalanceMultiple * resting.quantity(order.account, order.market, other) else {
            return
        }
        let key = GroupKey(account: order.account, market: order.market, side: order.side)
        var group = groups[key] ?? Group(deadline: time + thresholds.spoofCancelWithinMilliseconds)
        group.orders.append(order)
        for trade in nearTouch.reversed() where !group.trades.contains(where: { $0.id == trade.id }) {
            group.trades.append(trade)
        }
        groups[key] = group
    }

    /// The alerts of the groups whose window closed before `time`, in a fixed order.
    mutating func close(before time: Timestamp) -> [SurveillanceAlert] {
        let due = groups.filter { $0.value.deadline < time }.sorted {
            ($0.value.deadline, $0.key.account, $0.key.market, $0.key.side == .buy ? 0 : 1)
                < ($1.value.deadline, $1.key.account, $1.key.market, $1.key.side == .buy ? 0 : 1)
        }
        return due.map { key, group in
            groups[key] = nil
            return alert(key, group)
        }
    }

    private func alert(_ key: GroupKey, _ group: Group) -> SurveillanceAlert {
        let levels = Set(group.orders.map(\.price)).count
        let kind: SurveillanceAlert.Kind = levels >= thresholds.layeringLevelsMin ? .layering : .spoofing
        let cancelled = group.orders.reduce(0) { $0 + $1.remainingQuantity }
        let traded = group.trades.reduce(0) { $0 + $1.quantity }
        let side = key.side == .buy ? "buy" : "sell"
        let times = group.orders.map(\.updatedAt) + group.trades.map(\.time)
        return SurveillanceAlert(
            kind: kind, market: key.market, time: group.deadline, firstTime: times.min() ?? group.deadline,
            lastTime: times.max() ?? group.deadline, accounts: [key.account], orders: group.orders.map(\.id).evidence,
            trades: group.trades.map(\.id).evidence, prices: group.orders.map(\.price).evidence, quantity: cancelled,
            detail: "account \(key.account) cancelled \(group.orders.count) large \(side) order(s) at \(levels) price(s), "
                + "\(cancelled) units, after trading \(traded) units on the other side")
    }
}
