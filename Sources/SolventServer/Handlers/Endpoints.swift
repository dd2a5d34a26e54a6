import SolventWire

/// One handler for every endpoint `EndpointCatalog` declares, and none for anything else (a test
/// holds the two to each other; the page's files and the demo's simulated deposits are the
/// exceptions, declared where they are bound): the Binance REST API, the operational endpoints, the admin
/// surface, proof of liabilities, the web page's users and the auditor's view.
enum Endpoints {
    static func all(_ context: ServerContext, proof: ProofServices, users: UserAccounts, accessLog: AccessLogCheckpoints) -> [Endpoint] {
        let operations = AdminOperations(context: context)
        return GeneralEndpoints.all(context, sessions: users.sessions) + MarketDataEndpoints.all(context) + TradingEndpoints.all(context)
            + AccountEndpoints.all(context) + UserStreamEndpoints.all(context) + OperationalEndpoints.all(context)
            + AdminEndpoints.all(operations) + ProofEndpoints.all(proof) + ProofEndpoints.admin(proof, operations)
            + UserEndpoints.all(users, context: context) + WebPageEndpoints.all()
            + WalletEndpoints.all(context, users: users) + WalletAccountEndpoints.all(context) + AddressBookEndpoints.all(context)
            + CustodyAdminEndpoints.all(context) + JurisdictionAdminEndpoints.all(context)
            + SimulatedDepositEndpoints.all(context)
            + SurveillanceEndpoints.all(context) + AuditEndpoints.all(context, proof: proof, log: accessLog)
    }
}
