import SolventCore
import SolventWire

extension OrderRequest {
    /// The request's order in `market`, with a client order id made up here when it sends none.
    init(_ parameters: RequestParameters, account: AccountId, market: ResolvedMarket) throws(BinanceError) {
        try self.init(parameters, account: account, market: market.id, names: market.names,
                      generatedClientOrderId: { GeneratedClientOrderIds.next() })
    }
}
