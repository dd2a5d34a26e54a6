import SolventWire

/// Every Binance REST endpoint the server answers, with the operational ones (`/health`,
/// `/ready`, `/metrics`).
enum Endpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        GeneralEndpoints.all(context) + MarketDataEndpoints.all(context) + TradingEndpoints.all(context)
            + AccountEndpoints.all(context) + UserStreamEndpoints.all(context) + OperationalEndpoints.all(context)
            + WebPageEndpoints.all()
    }
}
