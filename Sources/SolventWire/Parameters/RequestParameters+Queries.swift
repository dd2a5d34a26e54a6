import SolventCore

/// The parameters that name an order or bound a query (spec §3.3, §3.4).
extension RequestParameters {
    /// `orderId` and/or a client id (under the names given); at least one (-1102).
    public func orderReference(idName: String, clientIdName: String) throws(BinanceError) -> OrderReference {
        let id = try int64(idName)
        let clientId = try clientOrderId(clientIdName)
        guard id != nil || clientId != nil else { throw .eitherParameter(clientIdName, idName) }
        return OrderReference(orderId: id, clientOrderId: clientId ?? .none)
    }

    /// `startTime` / `endTime`, at most 24 hours apart (-1127).
    public func dayRange() throws(BinanceError) -> (startTime: Timestamp?, endTime: Timestamp?) {
        let startTime = try timestampMilliseconds("startTime")
        let endTime = try timestampMilliseconds("endTime")
        if let startTime, let endTime {
            guard endTime >= startTime else { throw .invalidParameter("endTime") }
            guard endTime - startTime <= 86_400_000 else { throw .rangeTooLarge }
        }
        return (startTime, endTime)
    }

    /// `limit` as Binance bounds it: `fallback` when absent, 1...`max` otherwise (-1130 below 1).
    public func limit(default fallback: Int, max: Int) throws(BinanceError) -> Int {
        guard let limit = try int("limit") else { return fallback }
        guard limit >= 1 else { throw .invalidParameter("limit") }
        return Swift.min(limit, max)
    }
}
