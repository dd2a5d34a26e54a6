import SolventCore
import SolventWire

extension HubState {
    /// The timed streams, every 100 ms: the 100 ms depth streams each tick, the 1000 ms ones
    /// on the second.
    /// `second` is the wall-clock second when this tick is the first of it.
    mutating func tick(now: Timestamp, second: Int64?, into deliveries: inout [Delivery]) {
        for index in markets.indices where markets[index] != nil {
            flushDepth(MarketId(index), fast: true, now: now, into: &deliveries)
            if second != nil { flushDepth(MarketId(index), fast: false, now: now, into: &deliveries) }
            tickKlines(MarketId(index), now: now, second: second, into: &deliveries)
        }
        if second != nil { tickStatistics(now: now, into: &deliveries) }
    }

    private mutating func flushDepth(_ id: MarketId, fast: Bool, now: Timestamp, into deliveries: inout [Delivery]) {
        let diffs = subscriptions.list(.market(id, .depthDiff(fast: fast)))
        if !diffs.isEmpty, let payload = updateMarket(id, { $0.flushDiff(fast: fast) }) ?? nil {
            deliveries.append(Delivery(payload: payload, recipients: diffs))
        }
        for levels in StreamKind.partialDepthLevels.sorted() {
            let recipients = subscriptions.list(.market(id, .depthPartial(levels: levels, fast: fast)))
            guard !recipients.isEmpty, let payload = updateMarket(id, { state in
                StreamDepthJSON.partial(lastUpdateId: Int64(state.book.updateId), bids: state.book.bids.top(levels),
                                        asks: state.book.asks.top(levels), market: state.names)
            }) else { continue }
            deliveries.append(Delivery(payload: payload, recipients: recipients))
        }
    }
}
