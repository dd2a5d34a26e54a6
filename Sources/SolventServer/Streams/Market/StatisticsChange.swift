/// What a market's statistics streams (`@ticker`, `@miniTicker`, the arrays, `@avgPrice`)
/// owe their subscribers. The figures come from the history store, as REST's do; a change is
/// pushed once the store has recorded the batch that made it, so a push never shows less than
/// the trades already streamed.
struct StatisticsChange {
    /// The batch of the last trade not yet pushed.
    private(set) var tradedAt: UInt64?
    /// The best bid or ask moved (only `@ticker` shows them).
    private(set) var topMoved = false
    /// A new subscriber waits for its first push.
    private(set) var forced = false

    mutating func traded(in sequence: UInt64) { tradedAt = sequence }
    mutating func movedTop() { topMoved = true }
    mutating func force() { forced = true }

    /// Whether something is due now that the store has recorded through `recorded`.
    func isDue(recorded: UInt64) -> Bool {
        if let tradedAt, tradedAt > recorded { return false }
        return tradedAt != nil || topMoved || forced
    }

    /// Whether only the mini tickers and the average price have nothing new.
    var tradedSinceLastPush: Bool { tradedAt != nil || forced }

    mutating func pushed() {
        self = StatisticsChange()
    }
}
