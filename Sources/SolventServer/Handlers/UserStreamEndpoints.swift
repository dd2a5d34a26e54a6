import SolventWire

/// The legacy listenKey endpoints (spec §3.5): key header, no signature; the key may arrive in
/// the query or the body.
enum UserStreamEndpoints {
    static func all(_ context: ServerContext) -> [Endpoint] {
        let path = "/api/v3/userDataStream"
        return [
            Endpoint("POST", path, .userStream) { request throws(BinanceError) in
                let key = context.listenKeys.open(for: request.caller, now: request.receivedAt)
                var writer = JSONWriter(capacity: 96)
                writer.object { $0.field("listenKey", key) }
                return Reply(writer.finish())
            },
            Endpoint("PUT", path, .userStream) { request throws(BinanceError) in
                let key = try request.parameters.required("listenKey")
                guard context.listenKeys.keepAlive(key, account: request.caller, now: request.receivedAt) else {
                    throw .invalidListenKey
                }
                return .empty
            },
            Endpoint("DELETE", path, .userStream) { request throws(BinanceError) in
                guard context.listenKeys.close(try request.parameters.required("listenKey"), account: request.caller) else {
                    throw .invalidListenKey
                }
                return .empty
            },
        ]
    }
}
