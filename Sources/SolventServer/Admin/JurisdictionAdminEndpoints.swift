import SolventCore
import SolventWire

/// The operator's jurisdiction surface: set an account's place, record a ruling on an asset in a
/// place (with the ruling's case id as the reference), list the rulings in force and their
/// history. Each change is a journaled command naming the operator and the reason, as custody's are.
enum JurisdictionAdminEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.setAccountJurisdiction) { request throws(BinanceError) in
                let account = try AdminEndpoints.accountParameter(request)
                let code = try request.parameters.required("jurisdiction")
                let place = code == "NONE" ? nil : try jurisdiction(code)
                return try await CustodyAdminEndpoints.run(
                    .setAccountJurisdiction(account, place, try CustodyAdminEndpoints.action(request)), context)
            },
            Endpoint(.setAssetRuling) { request throws(BinanceError) in
                let asset = try WalletEndpoints.asset(try request.parameters.required("asset"), context)
                guard let standing = AssetStanding(wireName: try request.parameters.required("status")) else {
                    throw .invalidParameter("status")
                }
                let action = try CustodyAdminEndpoints.action(request)
                guard !action.reference.isEmpty else { throw .mandatoryParameter("reference") }
                let ruling = AssetRuling(asset: asset.id, jurisdiction: try jurisdiction(try request.parameters.required("jurisdiction")),
                                         standing: standing,
                                         effectiveAt: try request.parameters.int64("effectiveTime") ?? request.receivedAt,
                                         action: action)
                return try await CustodyAdminEndpoints.run(.setAssetRuling(ruling), context)
            },
            Endpoint(.listRulings) { _ throws(BinanceError) in try await rulings(context) },
            // The same list in public: a ruling binds in the open, so anyone may read which are in force.
            Endpoint(.publicRulings) { _ throws(BinanceError) in try await rulings(context) },
        ]
    }

    /// Every ruling in force and every ruling ever made, as journaled.
    private static func rulings(_ context: ServerContext) async throws(BinanceError) -> Reply {
        let assets = context.catalog.snapshot.assets
        let (inForce, history) = try await context.gateway.read { ($0.engine.rulingsInForce, $0.engine.rulingHistory) }
        return Reply(RulingsJSON.render(inForce: inForce, history: history, assets: assets))
    }

    /// An ISO 3166 code the engine would accept; refused here already so the answer names the parameter.
    private static func jurisdiction(_ code: String) throws(BinanceError) -> Jurisdiction {
        let place = Jurisdiction(code)
        guard place.isValid else { throw .invalidParameter("jurisdiction") }
        return place
    }
}
