import SolventCore

/// Marking the close: across the window before the daily close the price moved beyond
/// `closeMoveBasisPoints`, and one account's aggressive trades in that direction were at least
/// `closeShareBasisPoints` of the window's volume. Each market keeps only the window it is in.
struct MarkingTheCloseDetector: Sendable {
    static let dayMilliseconds: Int64 = 86_400_000
    /// Trades kept per window; the volume counts them all.
    static let windowTradesMax = 10_000

    private struct Window {
        var close: Timestamp
        /// The last price before the window opened (or its first trade's).
        var reference: Price
        var last: Price
        var volume: Quantity = 0
        var trades: [Trade] = []
    }

    let thresholds: SurveillanceThresholds
    private var windows: [MarketId: Window] = [:]
    private var lastPrices: [MarketId: Price] = [:]

    init(thresholds: SurveillanceThresholds) {
        self.thresholds = thresholds
    }

    /// The first daily close strictly after `time`.
    func nextClose(after time: Timestamp) -> Timestamp {
        let day = time - ((time % Self.dayMilliseconds) + Self.dayMilliseconds) % Self.dayMilliseconds
        let close = day + thresholds.closeMinuteOfDay * 60_000
        return close > time ? close : close + Self.dayMilliseconds
    }

    mutating func record(_ trade: Trade) {
        defer { lastPrices[trade.market] = trade.price }
        let close = nextClose(after: trade.time)
        guard close - trade.time <= thresholds.closeWindowMilliseconds else { return }
        var window = windows[trade.market] ?? Window(close: close, reference: lastPrices[trade.market] ?? trade.price,
                                                     last: trade.price)
        assert(window.close == close, "a window is judged at its close, before the next one opens")
        window.last = trade.price
        window.volume += trade.quantity
        if window.trades.count < Self.windowTradesMax { window.trades.append(trade) }
        windows[trade.market] = window
    }

    /// Judges every window whose close is at or before `time`, in market order.
    mutating func close(atOrBefore time: Timestamp) -> [SurveillanceAlert] {
        let due = windows.filter { $0.value.close <= time }.keys.sorted()
        return due.compactMap { market in
            defer { windows[market] = nil }
            return judge(market, windows[market]!)
        }
    }

    private func judge(_ market: MarketId, _ window: Window) -> SurveillanceAlert? {
        guard window.reference > 0, window.volume > 0 else { return nil }
        let move = basisPoints(from: window.reference, to: window.last)
        guard abs(move) >= thresholds.closeMoveBasisPoints else { return nil }
        let direction: Side = move > 0 ? .buy : .sell
        var aggressive: [AccountId: Quantity] = [:]
        for trade in window.trades where trade.takerSide == direction {
            aggressive[direction == .buy ? trade.buyerAccount : trade.sellerAccount, default: 0] += trade.quantity
        }
        guard let (account, quantity) = aggressive.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
              Int128(quantity) * 10_000 >= Int128(window.volume) * Int128(thresholds.closeShareBasisPoints) else { return nil }
        let own = window.trades.filter {
            $0.takerSide == direction && (direction == .buy ? $0.buyerAccount : $0.sellerAccount) == account
        }
        return SurveillanceAlert(
            kind: .markingTheClose, market: market, time: window.close, firstTime: own.first?.time ?? window.close,
            lastTime: own.last?.time ?? window.close, accounts: [account],
            orders: own.map(\.takerOrderId).evidence, trades: own.map(\.id).evidence,
            prices: [window.reference, window.last], quantity: quantity,
            detail: "price moved \(move) bp in the \(thresholds.closeWindowMilliseconds / 1_000) s before the close; "
                + "account \(account) took \(quantity) of \(window.volume) units, \(own.count) trade(s)")
    }
}
