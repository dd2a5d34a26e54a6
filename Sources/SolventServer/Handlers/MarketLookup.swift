import SolventCore
import SolventWire

/// A request's market: its id, its spec, and the names and scales its JSON is written with.
package struct ResolvedMarket: Sendable {
    let id: MarketId
    let spec: MarketSpec
    let names: MarketNames
}

extension ServerContext {
    /// The market named by `symbol`; `-1121` for an unknown one.
    func market(_ parameters: RequestParameters, _ name: String = "symbol") throws(BinanceError) -> ResolvedMarket {
        try market(symbol: try parameters.required(name))
    }

    func market(symbol: String) throws(BinanceError) -> ResolvedMarket {
        try catalog.resolved(symbol: symbol)
    }

    /// Every listed market, in id order.
    var allMarkets: [ResolvedMarket] {
        let listings = catalog.snapshot
        return listings.markets.enumerated().map { index, spec in
            ResolvedMarket(id: MarketId(index), spec: spec,
                           names: MarketNames(spec: spec, base: listings.assets[Int(spec.base)],
                                              quote: listings.assets[Int(spec.quote)]))
        }
    }

    /// The markets a ticker-style request names: `symbol`, `symbols` (a JSON array) or all.
    func markets(_ parameters: RequestParameters) throws(BinanceError) -> (markets: [ResolvedMarket], single: Bool) {
        if parameters.contains("symbol") && parameters.contains("symbols") { throw .badCombination }
        if parameters["symbol"] != nil { return ([try market(parameters)], true) }
        if let symbols = try parameters.symbols() {
            var markets: [ResolvedMarket] = []
            for symbol in symbols { markets.append(try market(symbol: symbol)) }
            return (markets, false)
        }
        return (allMarkets, false)
    }
}

extension Catalog {
    /// The market named `symbol`; `-1121` for an unknown one.
    package func resolved(symbol: String) throws(BinanceError) -> ResolvedMarket {
        guard let (id, spec) = market(symbol: symbol), let base = asset(spec.base), let quote = asset(spec.quote) else {
            throw .badSymbol
        }
        return ResolvedMarket(id: id, spec: spec, names: MarketNames(spec: spec, base: base, quote: quote))
    }
}

/// Runs a history-store query, turning a database failure into -1000 (the journal is intact).
func storeQuery<Value>(_ body: () throws -> Value) throws(BinanceError) -> Value {
    do {
        return try body()
    } catch {
        throw .unknown("history query failed: \(error)")
    }
}
