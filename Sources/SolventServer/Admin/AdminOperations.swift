import SolventCore
import SolventStore
import SolventWire

/// What an operator can do: open accounts, manage API keys, credit deposits, read balances,
/// list assets and markets and halt or resume them. The admin HTTP surface and the offline CLI
/// (server down, data directory opened directly) both call these, so they cannot drift apart.
struct AdminOperations: Sendable {
    let context: ServerContext

    func openAccount() async throws(BinanceError) -> AccountId {
        let outcome = try await context.gateway.execute(.openAccount(nil))
        for event in outcome.events { if case .accountOpened(let id, _) = event { return id } }
        throw Self.failure(outcome.events)
    }

    func deposit(account: AccountId, asset name: String, amount text: String) async throws(BinanceError) -> Balance {
        let (id, spec) = try asset(named: name)
        guard let amount = try? DecimalText.parse(text, scale: spec.scale), amount > 0 else {
            throw .invalidParameter("amount")
        }
        let outcome = try await context.gateway.execute(.deposit(account, id, amount))
        for event in outcome.events { if case .balance(let change) = event { return Balance(free: change.free, locked: change.locked) } }
        throw Self.failure(outcome.events)
    }

    /// Refuses an account the exchange has not opened (a key or a query for it would later
    /// belong to whoever is given that id).
    func requireAccount(_ account: AccountId) async throws(BinanceError) {
        guard try await context.gateway.read({ $0.engine.ledger.contains(account) }) else {
            throw BinanceError(.unknownAccount)
        }
    }

    func balances(account: AccountId) async throws(BinanceError) -> [(asset: AssetSpec, balance: Balance)] {
        try await requireAccount(account)
        let assets = context.catalog.snapshot.assets
        let balances = try await context.gateway.read { exchange in
            assets.indices.map { exchange.balance(of: account, AssetId($0)) }
        }
        return Array(zip(assets, balances)).map { ($0.0, $0.1) }
    }

    func listAsset(name: String, scale: Scale) async throws(BinanceError) {
        try Self.check(await context.gateway.execute(.listAsset(AssetSpec(name: name, scale: scale))).events)
    }

    func listMarket(_ spec: MarketSpec) async throws(BinanceError) {
        try Self.check(await context.gateway.execute(.listMarket(spec)).events)
    }

    func setStatus(symbol: String, _ status: MarketStatus) async throws(BinanceError) {
        guard let market = context.catalog.market(symbol: symbol) else { throw .badSymbol }
        try Self.check(await context.gateway.execute(.setMarketStatus(market.id, status)).events)
    }

    func asset(named name: String) throws(BinanceError) -> (AssetId, AssetSpec) {
        let assets = context.catalog.snapshot.assets
        guard let index = assets.firstIndex(where: { $0.name == name }) else { throw .invalidParameter("asset") }
        return (AssetId(index), assets[index])
    }

    private static func check(_ events: ArraySlice<Event>) throws(BinanceError) {
        for event in events { if case .rejected(let rejection) = event { throw BinanceError(rejection.reason) } }
    }

    private static func failure(_ events: ArraySlice<Event>) -> BinanceError {
        for event in events { if case .rejected(let rejection) = event { return BinanceError(rejection.reason) } }
        return .unknown("the exchange did not report the outcome")
    }
}
