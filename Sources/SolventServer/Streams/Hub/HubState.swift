import SolventCore
import SolventStore
import SolventWire

/// Where the hub reads what the streams compute from history (24 h and 5 min statistics):
/// the same store REST reads, and how far the projector has recorded into it.
struct HubHistory: Sendable {
    let store: any HistoryStore
    let recordedSequence: @Sendable () -> UInt64
}

/// Everything the hub keeps, guarded by its lock: who subscribes to what, and each market's
/// stream state.
struct HubState {
    let catalog: Catalog
    let history: HubHistory
    var subscriptions = SubscriptionTable()
    /// Indexed by market id; a market's state exists from its listing (or the seed) on.
    var markets: [MarketStreamState?] = []

    init(catalog: Catalog, history: HubHistory) {
        self.catalog = catalog
        self.history = history
    }

    /// Makes sure market `id` has a state (created from the catalog on first use); false for
    /// a market the catalog does not know.
    mutating func ensureMarket(_ id: MarketId) -> Bool {
        if Int(id) < markets.count, markets[Int(id)] != nil { return true }
        guard let spec = catalog.market(id), let base = catalog.asset(spec.base), let quote = catalog.asset(spec.quote) else {
            return false
        }
        while markets.count <= Int(id) { markets.append(nil) }
        markets[Int(id)] = MarketStreamState(id: id, names: MarketNames(spec: spec, base: base, quote: quote),
                                             now: ServerClock.milliseconds())
        return true
    }

    /// Runs `body` on market `id`'s state, if the market exists.
    @discardableResult
    mutating func updateMarket<Value>(_ id: MarketId, _ body: (inout MarketStreamState) -> Value) -> Value? {
        guard ensureMarket(id) else { return nil }
        return body(&markets[Int(id)]!)
    }
}
