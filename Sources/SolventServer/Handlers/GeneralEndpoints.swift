import SolventCore
import SolventWire

/// ping, time and exchangeInfo (spec §3.1).
enum GeneralEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.ping) { _ throws(BinanceError) in .empty },
            Endpoint(.time) { request throws(BinanceError) in
                Reply(GeneralJSON.serverTime(request.receivedAt))
            },
            Endpoint(.exchangeInfo) { request throws(BinanceError) in
                try exchangeInfo(request, context)
            },
        ]
    }

    private static func exchangeInfo(_ request: APIRequest, _ context: ServerContext) throws(BinanceError) -> Reply {
        let parameters = request.parameters
        let selected = try context.markets(parameters).markets
        if let status = try parameters.symbolStatus() {
            guard !parameters.contains("symbol") && !parameters.contains("symbols") else { throw .badCombination }
            return render(selected.filter { status.matches($0.spec.status) }, request, context)
        }
        return render(selected, request, context)
    }

    private static func render(_ markets: [ResolvedMarket], _ request: APIRequest, _ context: ServerContext) -> Reply {
        let listings = context.catalog.snapshot
        let listed = markets.map {
            ListedMarket(spec: $0.spec, base: listings.assets[Int($0.spec.base)], quote: listings.assets[Int($0.spec.quote)])
        }
        let show = (try? request.parameters.bool("showPermissionSets")) ?? nil
        return Reply(ExchangeInfoJSON.render(serverTime: request.receivedAt,
                                             rateLimits: context.configuration.rateLimits.advertised, markets: listed,
                                             showPermissionSets: show ?? true))
    }
}
