import SolventWire

/// The legacy listenKey endpoints (spec §3.5): key header, no signature; the key may arrive in
/// the query or the body.
enum UserStreamEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        [
            Endpoint(.startUserDataStream) { request throws(BinanceError) in
                let key = context.listenKeys.open(for: request.caller, by: request.apiKey, now: request.receivedAt)
                return Reply(GeneralJSON.listenKey(key))
            },
            Endpoint(.keepAliveUserDataStream) { request throws(BinanceError) in
                let key = try request.parameters.required("listenKey")
                guard context.listenKeys.keepAlive(key, account: request.caller, now: request.receivedAt) else {
                    throw .invalidListenKey
                }
                return .empty
            },
            Endpoint(.closeUserDataStream) { request throws(BinanceError) in
                guard context.listenKeys.close(try request.parameters.required("listenKey"), account: request.caller) else {
                    throw .invalidListenKey
                }
                return .empty
            },
        ]
    }
}
