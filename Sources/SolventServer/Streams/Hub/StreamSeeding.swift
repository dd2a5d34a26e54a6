import SolventCore
import SolventJournal

/// Gives the hub the books as recovery left them, then starts it. Runs at server start, before
/// the listener accepts anything, so no command can fall between the read and the first batch
/// the hub absorbs.
enum StreamSeeding {
    static func seed(_ hub: MarketStreamHub, from sequencer: Sequencer) async throws {
        let books = try await sequencer.inspect { exchange in
            (0..<exchange.engine.marketCount).map { index in
                let market = MarketId(index)
                return (market, exchange.openOrders(market, .buy) + exchange.openOrders(market, .sell))
            }
        }
        hub.withState { state in
            for (market, orders) in books { state.seed(market, orders: orders) }
        }
        hub.start(seededThrough: sequencer.committedSequence)
    }
}
