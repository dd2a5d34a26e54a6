import SolventCore
import SolventStore
import SolventWire

/// The wallet API's account endpoints: the calling key's restrictions, assets' withdrawal
/// details, the caller's trade fees.
enum WalletAccountEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.apiRestrictions) { request throws(BinanceError) in
                let keys = try storeQuery { try context.keys.store.keys(account: request.caller) }
                guard let key = keys.first(where: { $0.id == request.apiKey }) else { throw .rejectedAPIKey }
                return Reply(WalletAccountJSON.apiRestrictions(
                    ipRestricted: !key.ipAllowList.isEmpty, createdAt: key.createdAt, read: key.permissions.contains(.read),
                    trade: key.permissions.contains(.trade),
                    withdraw: key.permissions.contains(.withdraw) && !key.ipAllowList.isEmpty))
            },
            Endpoint(.assetDetail) { request throws(BinanceError) in
                var assets = WalletEndpoints.listed(context)
                if let name = request.parameters["asset"] { assets = [try WalletEndpoints.asset(name, context)] }
                let fees = context.configuration.custody.withdrawalFees
                return Reply(WalletAccountJSON.assetDetails(assets.map { asset in
                    (asset.spec, context.custody?.custodian(asset.id, spec: asset.spec) != nil, fees[asset.spec.name] ?? 0)
                }))
            },
            Endpoint(.tradeFee) { request throws(BinanceError) in
                let markets = request.parameters["symbol"] == nil ? context.allMarkets : [try context.market(request.parameters)]
                return Reply(WalletAccountJSON.tradeFees(try await context.fees(of: request.caller),
                                                         symbols: markets.map(\.names.symbol)))
            },
        ]
    }
}
