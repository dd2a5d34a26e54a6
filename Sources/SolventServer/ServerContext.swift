import SolventCore
import SolventJournal
import SolventStore

/// What the handlers share: the way into the exchange, the listings, the history, the limits,
/// the keys, the listen keys and the metrics.
struct ServerContext: Sendable {
    let configuration: ServerConfiguration
    let gateway: ExchangeGateway
    let catalog: Catalog
    let history: HistoryProjector
    let keys: KeyAdministration
    let limiter: RateLimiter
    let listenKeys: ListenKeys
    let metrics: APIMetrics
    /// The market streams' hub; also the book `/api/v3/depth` reads, with its update id.
    let streams: MarketStreamHub
    /// Deposits and withdrawals on chains; nil when the data directory names no chain.
    var custody: CustodyService? = nil
    /// The surveillance consumer; nil only where no server runs (offline admin).
    var surveillance: SurveillanceFeed? = nil

    var sequencer: Sequencer { gateway.sequencer }

    /// Waits until the history store holds everything durable now, so a client that was just
    /// told about an order finds it in allOrders or myTrades.
    func historyCaughtUp() async {
        await history.waitUntilRecorded(sequencer.committedSequence)
    }
}
