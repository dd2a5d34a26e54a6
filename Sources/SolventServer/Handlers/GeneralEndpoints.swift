import SolventCore
import SolventWire

/// ping, time and exchangeInfo (spec §3.1). exchangeInfo sent with an API key (signed, or the
/// key alone) also shows that account what the rulings of its jurisdiction let it trade; so does
/// one from the signed-in web page (its session cookie and no key), so the page can show it.
enum GeneralEndpoints {
    static func all(_ context: ServerContext, sessions: WebSessions) -> [Endpoint] {
        [
            Endpoint(.ping) { _ throws(BinanceError) in .empty },
            Endpoint(.time) { request throws(BinanceError) in
                Reply(GeneralJSON.serverTime(request.receivedAt))
            },
            Endpoint(.exchangeInfo) { request throws(BinanceError) in
                try await exchangeInfo(request, context, sessions)
            },
        ]
    }

    private static func exchangeInfo(_ request: APIRequest, _ context: ServerContext,
                                     _ sessions: WebSessions) async throws(BinanceError) -> Reply {
        let parameters = request.parameters
        var selected = try context.markets(parameters).markets
        if let status = try parameters.symbolStatus() {
            guard !parameters.contains("symbol") && !parameters.contains("symbols") else { throw .badCombination }
            selected = selected.filter { status.matches($0.spec.status) }
        }
        guard let account = try viewer(request, context, sessions) else { return render(selected, request, context, permissions: nil) }
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
    /// signed, as USER_STREAM (the key alone) when not. No key but a live session cookie: the
    /// session's account (the key decides when both are sent, as `RequestGate` has it). Neither,
    /// or a session that has ended: the public answer, since the endpoint itself is public.
    private static func viewer(_ request: APIRequest, _ context: ServerContext,
                               _ sessions: WebSessions) throws(BinanceError) -> AccountId? {
        guard request.apiKey != nil else {
            guard WebSessions.token(inCookie: request.cookie) != nil else { return nil }
            return try? sessions.authenticate(request).account
        }
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
