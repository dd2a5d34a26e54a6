import SolventCore

/// Sudden price moves: a trade more than `bandBasisPoints` from the lowest or highest price of
/// the trailing `bandWindowMilliseconds`. After an alert the market is quiet for one window, so
/// a move is one alert, not one per trade.
struct PriceBandDetector: Sendable {
    /// Prices kept per market window.
    static let windowTradesMax = 1_024

    private struct Window {
        var trades: [Trade] = []
        var quietUntil: Timestamp = .min
    }

    let thresholds: SurveillanceThresholds
    private var windows: [MarketId: Window] = [:]

    init(thresholds: SurveillanceThresholds) {
        self.thresholds = thresholds
    }

    mutating func check(_ trade: Trade) -> SurveillanceAlert? {
        var window = windows[trade.market] ?? Window()
        defer { windows[trade.market] = window }
        let since = trade.time - thresholds.bandWindowMilliseconds
        if let stale = window.trades.firstIndex(where: { $0.time >= since }) {
            window.trades.removeFirst(stale)
        } else {
            window.trades.removeAll()
        }
        defer {
            if window.trades.count == Self.windowTradesMax { window.trades.removeFirst() }
            window.trades.append(trade)
        }
        guard trade.time >= window.quietUntil,
              let low = window.trades.min(by: { $0.price < $1.price }),
              let high = window.trades.max(by: { $0.price < $1.price }) else { return nil }
        let up = basisPoints(from: low.price, to: trade.price)
        let down = basisPoints(from: high.price, to: trade.price)
        let reference = up >= -down ? low : high
        let move = up >= -down ? up : down
        guard abs(move) >= thresholds.bandBasisPoints else { return nil }
        window.quietUntil = trade.time + thresholds.bandWindowMilliseconds
        return SurveillanceAlert(
            kind: .priceMove, market: trade.market, time: trade.time, firstTime: reference.time, lastTime: trade.time,
            accounts: [trade.takerSide == .buy ? trade.buyerAccount : trade.sellerAccount],
            orders: [trade.takerOrderId], trades: [reference.id, trade.id], prices: [reference.price, trade.price],
            quantity: trade.quantity,
            detail: "trade \(trade.id) moved \(move) bp from trade \(reference.id) within "
                + "\(thresholds.bandWindowMilliseconds / 1_000) s")
    }
}
