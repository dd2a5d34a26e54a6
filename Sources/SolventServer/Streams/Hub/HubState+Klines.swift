import SolventCore
import SolventStore
import SolventWire

extension HubState {
    /// A trade goes into every interval's live bar; bars it closes are pushed at once.
    mutating func record(_ trade: Trade, sequence: UInt64, eventTime: Timestamp, into deliveries: inout [Delivery]) {
        var closed: [LiveBar] = []
        updateMarket(trade.market) { state in
            state.bars.record(trade, closed: &closed)
            state.lastPrice = trade.price
            state.lastTradeTime = trade.time
            state.statistics.traded(in: sequence)
        }
        publishClosed(closed, market: trade.market, eventTime: eventTime, into: &deliveries)
    }

    /// Every tick: bars whose time is over close (pushed with `x: true`); on each second the
    /// `1s` bars, on every other second the others (spec §5.3's cadence).
    mutating func tickKlines(_ id: MarketId, now: Timestamp, second: Int64?, into deliveries: inout [Delivery]) {
        var closed: [LiveBar] = []
        updateMarket(id) { $0.bars.roll(to: now, closed: &closed) }
        publishClosed(closed, market: id, eventTime: now, into: &deliveries)
        guard let second, let market = markets[Int(id)] else { return }
        for interval in KlineInterval.allCases where interval == .oneSecond || second % 2 == 0 {
            let recipients = subscriptions.list(.market(id, .kline(interval)))
            guard !recipients.isEmpty else { continue }
            let payload = market.bars.bar(interval).render(isClosed: false, eventTime: now, market: market.names)
            deliveries.append(Delivery(payload: payload, recipients: recipients))
        }
    }

    private mutating func publishClosed(_ bars: [LiveBar], market id: MarketId, eventTime: Timestamp,
                                        into deliveries: inout [Delivery]) {
        guard !bars.isEmpty, let market = markets[Int(id)] else { return }
        for bar in bars {
            let recipients = subscriptions.list(.market(id, .kline(bar.interval)))
            guard !recipients.isEmpty else { continue }
            deliveries.append(Delivery(payload: bar.render(isClosed: true, eventTime: eventTime, market: market.names),
                                       recipients: recipients))
        }
    }
}
