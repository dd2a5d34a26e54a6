import SolventCore

/// A market's recent trades, oldest first, at most `tradesMax` of them: the spoofing detector's
/// memory of who traded where and of the typical trade size.
struct MarketTape: Sendable {
    static let tradesMax = 256

    private(set) var trades: [Trade] = []
    /// Σ quantity over `trades`, for the mean without a pass.
    private var quantitySum: Int64 = 0

    mutating func append(_ trade: Trade) {
        if trades.count == Self.tradesMax {
            quantitySum -= trades.removeFirst().quantity
        }
        trades.append(trade)
        quantitySum += trade.quantity
        assert(trades.count <= Self.tradesMax, "the tape is bounded")
    }

    /// The mean trade quantity, nil with fewer than `tradesMin` trades.
    func meanQuantity(tradesMin: Int) -> Quantity? {
        trades.count >= max(1, tradesMin) ? quantitySum / Int64(trades.count) : nil
    }

    /// `account`'s trades on `side` since `since`, newest first.
    func trades(of account: AccountId, on side: Side, since: Timestamp) -> [Trade] {
        var found: [Trade] = []
        for trade in trades.reversed() {
            if trade.time < since { break }
            let onSide = side == .buy ? trade.buyerAccount == account : trade.sellerAccount == account
            if onSide && trade.buyerAccount != trade.sellerAccount { found.append(trade) }
        }
        return found
    }
}
