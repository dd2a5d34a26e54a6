import SolventCore
import SolventJournal
import SolventWire

extension HubState {
    /// Takes in one durable batch: book changes per command (with their update ids), trades and
    /// book-ticker changes as real-time pushes for whoever listens. `committedAt` (wall-clock
    /// ms) is the event time of everything the batch causes.
    mutating func absorb(_ batch: CommittedBatch, committedAt eventTime: Timestamp, into deliveries: inout [Delivery]) {
        var orderEvents: [MarketId: [OrderEvent]] = [:]
        var changed: [StreamBook.LevelKey] = []
        var trades: [Trade] = []
        for index in 0..<batch.count {
            orderEvents.removeAll(keepingCapacity: true)
            trades.removeAll(keepingCapacity: true)
            for event in batch.events(of: index) {
                switch event {
                case .order(let orderEvent): orderEvents[orderEvent.order.market, default: []].append(orderEvent)
                case .trade(let trade):
                    publish(trade, eventTime: eventTime, into: &deliveries)
                    record(trade, sequence: batch.lastSequence, eventTime: eventTime, into: &deliveries)
                    trades.append(trade)
                default: break
                }
            }
            publishAggregates(of: trades, eventTime: eventTime, into: &deliveries)
            for (market, events) in orderEvents {
                updateMarket(market) { state in
                    changed.removeAll(keepingCapacity: true)
                    state.book.apply(events, changed: &changed)
                    if !changed.isEmpty { state.lastBookChange = eventTime }
                    state.fastDiff.note(changed)
                    state.slowDiff.note(changed)
                }
                publishTopIfChanged(market, into: &deliveries)
            }
        }
    }

    private mutating func publish(_ trade: Trade, eventTime: Timestamp, into deliveries: inout [Delivery]) {
        guard let names = updateMarket(trade.market, { $0.names }) else { return }
        let trades = subscriptions.list(.market(trade.market, .trade))
        if !trades.isEmpty {
            deliveries.append(Delivery(payload: StreamTradeJSON.trade(trade, eventTime: eventTime, market: names),
                                       recipients: trades))
        }
    }

    /// `@aggTrade`: one command's trades merged as REST's `aggTrades` merges them (one taker
    /// order's fills at one price), so the two agree on every aggregate and its id.
    private mutating func publishAggregates(of trades: [Trade], eventTime: Timestamp, into deliveries: inout [Delivery]) {
        guard let market = trades.first?.market, let names = updateMarket(market, { $0.names }) else { return }
        let recipients = subscriptions.list(.market(market, .aggregateTrade))
        guard !recipients.isEmpty else { return }
        for aggregate in AggregateTrade.merging(trades) {
            let payload = StreamTradeJSON.aggregateTrade(aggregate, eventTime: eventTime, market: names)
            deliveries.append(Delivery(payload: payload, recipients: recipients))
        }
    }

    /// `@bookTicker` is real time: a push whenever the best bid or ask moved in price or size.
    private mutating func publishTopIfChanged(_ market: MarketId, into deliveries: inout [Delivery]) {
        let recipients = subscriptions.list(.market(market, .bookTicker))
        updateMarket(market) { state in
            let top = state.top
            guard top.bid != state.publishedTop.bid || top.ask != state.publishedTop.ask else { return }
            state.publishedTop = top
            state.statistics.movedTop()
            guard !recipients.isEmpty else { return }
            let payload = StreamDepthJSON.bookTicker(updateId: Int64(state.book.updateId), bid: top.bid, ask: top.ask,
                                                     market: state.names)
            deliveries.append(Delivery(payload: payload, recipients: recipients))
        }
    }
}
