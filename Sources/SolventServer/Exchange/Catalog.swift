import SolventCore
import SolventJournal
import Synchronization

/// The listed assets and markets by id and by name, as the API needs them for every request:
/// kept current from the durable batches (listings carry ids in their events, the specs are in
/// the commands), so no request has to visit the sequencer to resolve a symbol.
package final class Catalog: Sendable {
    struct Listings: Sendable {
        var assets: [AssetSpec] = []
        var markets: [MarketSpec] = []
        var marketIds: [String: MarketId] = [:]
    }

    private let listings = Mutex(Listings())

    package init() {}

    var snapshot: Listings { listings.withLock { $0 } }

    /// Starts over from the exchange's own listings (at start, after recovery).
    package func replace(assets: [AssetSpec], markets: [MarketSpec]) {
        listings.withLock { listings in
            listings = Listings()
            listings.assets = assets
            for spec in markets { listings.add(spec) }
        }
    }

    func market(symbol: String) -> (id: MarketId, spec: MarketSpec)? {
        listings.withLock { listings in
            listings.marketIds[symbol].map { ($0, listings.markets[Int($0)]) }
        }
    }

    func market(_ id: MarketId) -> MarketSpec? {
        listings.withLock { Int(id) < $0.markets.count ? $0.markets[Int(id)] : nil }
    }

    func asset(_ id: AssetId) -> AssetSpec? {
        listings.withLock { Int(id) < $0.assets.count ? $0.assets[Int(id)] : nil }
    }

    /// Learns new listings and status changes from a durable batch.
    func absorb(_ batch: CommittedBatch) {
        // Only these commands change listings; batches of orders leave the lock to the readers.
        guard batch.commands.contains(where: Self.changesListings) else { return }
        listings.withLock { listings in
            for index in 0..<batch.count {
                for event in batch.events(of: index) {
                    switch (event, batch.commands[index]) {
                    case (.assetListed, .listAsset(let spec)): listings.assets.append(spec)
                    case (.marketListed, .listMarket(let spec)): listings.add(spec)
                    case (.marketStatusChanged(let market, let status), _): listings.markets[Int(market)].status = status
                    default: break
                    }
                }
            }
        }
    }
}

extension Catalog {
    private static func changesListings(_ command: Command) -> Bool {
        switch command {
        case .listAsset, .listMarket, .setMarketStatus: true
        default: false
        }
    }
}

extension Catalog.Listings {
    fileprivate mutating func add(_ spec: MarketSpec) {
        marketIds[spec.symbol] = MarketId(markets.count)
        markets.append(spec)
    }
}
