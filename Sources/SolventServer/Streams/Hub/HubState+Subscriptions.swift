import SolventCore
import SolventWire

extension HubState {
    /// Adds `subscriber` to each topic under its name. A diff-depth stream that gains its
    /// first subscriber starts at the book's update id now, under the same lock as the depth
    /// snapshots, so a snapshot taken after the acknowledgement is never behind its first event.
    mutating func subscribe(_ entries: [(StreamTopic, String)], _ subscriber: StreamSubscriber) {
        for (topic, name) in entries {
            let first = subscriptions.add(Recipient(subscriber: subscriber, name: name), to: topic)
            if first { started(topic) }
        }
    }

    mutating func unsubscribe(_ entries: [(StreamTopic, String)], _ subscriber: StreamSubscriber) {
        for (topic, name) in entries where subscriptions.remove(subscriber, name: name, from: topic) {
            stopped(topic)
        }
    }

    private mutating func started(_ topic: StreamTopic) {
        guard case .market(let id, let kind) = topic else { return }
        switch kind {
        case .depthDiff(let fast):
            updateMarket(id) { market in
                let updateId = market.book.updateId
                market.updateDiff(fast: fast) { $0.start(at: updateId) }
            }
        case .ticker, .miniTicker, .averagePrice:
            forceStatistics(id)
        default:
            break
        }
    }

    private mutating func stopped(_ topic: StreamTopic) {
        guard case .market(let id, .depthDiff(let fast)) = topic else { return }
        updateMarket(id) { $0.updateDiff(fast: fast) { $0.stop() } }
    }

    /// `GET /api/v3/depth`: the top `limit` levels of each side and the update id they
    /// correspond to, read together (spec §5.5).
    mutating func depthSnapshot(_ id: MarketId, limit: Int) -> (lastUpdateId: UInt64, bids: [DepthLevel], asks: [DepthLevel]) {
        updateMarket(id) { ($0.book.updateId, $0.book.bids.top(limit), $0.book.asks.top(limit)) } ?? (0, [], [])
    }

    /// The engine's open orders and the history's bars of one market, before anything runs
    /// (server start).
    mutating func seed(_ id: MarketId, orders: [Order], bars: [LiveBar], lastTrade: Trade?) {
        updateMarket(id) { market in
            market.book.seed(orders)
            market.publishedTop = market.top
            for bar in bars { market.bars.seed(KlineBars.index(bar.interval), bar) }
            market.lastPrice = lastTrade?.price ?? 0
            market.lastTradeTime = lastTrade?.time ?? 0
        }
    }
}
