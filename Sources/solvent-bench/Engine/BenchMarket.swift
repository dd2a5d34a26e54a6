import SolventCore

/// How the benchmark lists its assets and markets, opens and funds its accounts. Prices in the
/// workload are ticks and sizes are lots; these constants turn them into the engine's units.
///
/// Both assets have 8 decimals; a tick is 0.0001 quote and a lot 0.0001 base, so tick × lot is
/// exactly one quote unit (`MarketSpec.problem`'s rule) and the notional of a fill is
/// `ticks × lots` quote units: fees (0.1 %) stay non-zero on both sides of every fill.
enum BenchMarket {
    static let assetScale: Scale = 8
    static let tickSize: Price = 10_000
    static let lotSize: Quantity = 10_000
    /// Far more than any account can reserve or lose in 3 M commands; Σ over 100,000 accounts still
    /// fits an Int64 (10^17).
    static let quoteDeposit: Amount = 1_000_000_000_000
    static let baseDeposit: Amount = 1_000_000_000_000
    static let startTime: Timestamp = 1_767_225_600_000   // 2026-01-01T00:00:00Z

    /// A plain market: no notional or percent-price filters, which exchange-core does not have,
    /// and self-trade prevention off by default, as exchange-core has none.
    static func spec(symbol: String, base: AssetId, quote: AssetId) -> MarketSpec {
        let filters = MarketFilters(
            price: PriceFilter(minPrice: tickSize, maxPrice: 0, tickSize: tickSize),
            lotSize: LotSizeFilter(minQuantity: lotSize, maxQuantity: 1_000_000 * lotSize, stepSize: lotSize),
            maxNumOrders: 1_000)
        return MarketSpec(symbol: symbol, base: base, quote: quote, filters: filters,
                          defaultSelfTradePreventionMode: .none)
    }

    static func price(ticks: Int64) -> Price { ticks * tickSize }
    static func quantity(lots: Int64) -> Quantity { lots * lotSize }
    static func ticks(_ price: Price) -> Int64 { price / tickSize }
    static func lots(_ quantity: Quantity) -> Int64 { quantity / lotSize }
}

/// Which accounts trade a symbol. Account `1 + (symbol · 97 + k · stride) mod accounts` for
/// k in 0..<usersPerSymbol, stride = accounts / usersPerSymbol: with one symbol that is simply
/// accounts 1...N; with 1,000 symbols over 100,000 accounts every account trades 10 symbols.
struct AccountPool: Sendable {
    let accounts: Int
    let usersPerSymbol: Int

    init(accounts: Int, usersPerSymbol: Int) {
        precondition(accounts > 0 && usersPerSymbol > 0 && accounts % usersPerSymbol == 0,
                     "users per symbol must divide the number of accounts")
        self.accounts = accounts
        self.usersPerSymbol = usersPerSymbol
    }

    func account(symbol: Int, user: Int) -> AccountId {
        assert(user >= 0 && user < usersPerSymbol, "user index out of range")
        let stride = accounts / usersPerSymbol
        return AccountId(1 + (symbol * 97 + user * stride) % accounts)
    }
}
