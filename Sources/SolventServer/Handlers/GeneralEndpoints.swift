import SolventCore
import SolventWire

/// ping, time and exchangeInfo (spec §3.1). exchangeInfo sent with an API key (signed, or the
/// key alone) also shows that account what the rulings of its jurisdiction let it trade.
enum GeneralEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.ping) { _ throws(BinanceError) in .empty },
            Endpoint(.time) { request throws(BinanceError) in
                Reply(GeneralJSON.serverTime(request.receivedAt))
            },
            Endpoint(.exchangeInfo) { request throws(BinanceError) in
                try await exchangeInfo(request, context)
            },
        ]
    }

    private static func exchangeInfo(_ request: APIRequest, _ context: ServerContext) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        var selected = try context.markets(parameters).markets
        if let status = try parameters.symbolStatus() {
            guard !parameters.contains("symbol") && !parameters.contains("symbols") else { throw .badCombination }
            selected = selected.filter { status.matches($0.spec.status) }
        }
        guard let account = try viewer(request, context) else { return render(selected, request, context, permissions: nil) }
        let ids = selected.map(\.id)
        let permissions = try await context.gateway.read { exchange in
            ids.map { market in
                let spec = exchange.engine.market(market)
                let standing = max(exchange.engine.standing(of: account, spec?.base ?? 0), exchange.engine.standing(of: account, spec?.quote ?? 0))
                return SymbolPermission(buyAllowed: exchange.engine.jurisdictionProblem(account, .buy, market) == nil,
                                        sellAllowed: exchange.engine.jurisdictionProblem(account, .sell, market) == nil,
                                        standing: standing)
            }
        }
        return render(selected, request, context, permissions: permissions)
    }

    /// The account an API key names, when one is sent: checked as USER_DATA when the request is
    /// signed, as USER_STREAM (the key alone) when not. No key: the public answer.
    private static func viewer(_ request: APIRequest, _ context: ServerContext) throws(BinanceError) -> AccountId? {
        guard request.apiKey != nil else { return nil }
        let authenticator = context.keys.authenticator
        return request.parameters.contains("signature") ? try authenticator.signed(request, needs: .read)
            : try authenticator.keyOnly(request)
    }

    private static func render(_ markets: [ResolvedMarket], _ request: APIRequest, _ context: ServerContext,
                               permissions: [SymbolPermission]?) -> Reply {
        let listings = context.catalog.snapshot
        let listed = markets.map {
            ListedMarket(spec: $0.spec, base: listings.assets[Int($0.spec.base)], quote: listings.assets[Int($0.spec.quote)])
        }
        let show = (try? request.parameters.bool("showPermissionSets")) ?? nil
        return Reply(ExchangeInfoJSON.render(serverTime: request.receivedAt,
                                             rateLimits: context.configuration.rateLimits.advertised, markets: listed,
                                             showPermissionSets: show ?? true, permissions: permissions))
    }
}
