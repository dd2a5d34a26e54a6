import SolventWire

/// One handler for every endpoint `EndpointCatalog` declares, and none for anything else (a test
/// holds the two to each other; the page's files and the demo's simulated deposits are the
/// exceptions, declared where they are bound): the Binance REST API, the operational endpoints, the admin
/// surface, proof of liabilities and the web page's users.
enum Endpoints {
    static func all(_ context: ServerContext, proof: ProofServices, users: UserAccounts) -> [Endpoint] {
        let operations = AdminOperations(context: context)
        return GeneralEndpoints.all(context) + MarketDataEndpoints.all(context) + TradingEndpoints.all(context)
            + AccountEndpoints.all(context) + UserStreamEndpoints.all(context) + OperationalEndpoints.all(context)
            + AdminEndpoints.all(operations) + ProofEndpoints.all(proof) + ProofEndpoints.admin(proof, operations)
            + UserEndpoints.all(users, keys: context.keys) + WebPageEndpoints.all()
            + WalletEndpoints.all(context, users: users) + WalletAccountEndpoints.all(context)
            + CustodyAdminEndpoints.all(context) + SimulatedDepositEndpoints.all(context)
            + SurveillanceEndpoints.all(context)
    }
}
