import SolventCore
import SolventWire

/// The WebSocket API methods that exist only on a connection (spec §6.3): the user-data
/// subscriptions, whose events then arrive on the same connection as
/// `{"subscriptionId":…,"event":{…}}`, and the session logon (Ed25519 keys only, as Binance).
struct WebSocketAPISessionMethods {
    let api: WebSocketAPI
    let connection: WebSocketAPIConnection
    let now: Int64

    func serve(_ method: WebSocketAPIMethod, _ params: [WebSocketAPIRequest.Param], _ parameters: RequestParameters,
               account: inout AccountId?) throws(BinanceError) -> [UInt8] {
        switch method {
        case .subscribeSignature:
            let key = try api.authenticator.webSocketSigned(params, logon: nil, ip: connection.clientIP, now: now, needs: .read)
            account = key.account
            return try subscribe(key.account, by: key.id)
        case .subscribe:
            guard let logon = connection.logon else { throw .unauthorized }
            let key = try api.authenticator.key(id: logon.keyId, ip: connection.clientIP)
            account = key.account
            return try subscribe(key.account, by: key.id)
        case .unsubscribe:
            return try unsubscribe(try parameters.int64("subscriptionId"))
        case .subscriptions:
            return WebSocketAPISessionJSON.subscriptions(connection.subscriptions.map(\.id))
        case .logon:
            let key = try api.authenticator.webSocketSigned(params, logon: nil, ip: connection.clientIP, now: now, needs: .read)
            guard case .ed25519 = key.credential else { throw .unauthorized }
            account = key.account
            connection.logOn(keyId: key.id, at: now)
            return status()
        case .status:
            return status()
        case .logout:
            connection.logOut()
            return status()
        case .endpoint:
            preconditionFailure("REST methods are served by their endpoint")
        }
    }

    /// One subscription per account per connection (-2035 for a second).
    private func subscribe(_ account: AccountId, by apiKey: String) throws(BinanceError) -> [UInt8] {
        let streams = api.userStreams, connection = connection
        let id = connection.addSubscription(account: account) { id in
            streams.subscribe(account: account, apiKey: apiKey, sink: UserEventSink(
                deliver: { event in connection.send(WebSocketAPIReply.event(subscriptionId: id, event.json)) },
                ended: { _ in
                    // The server ends a signature subscription only for a reason of its own (no
                    // batch is ever dropped): tell the client, as ccxt then subscribes again.
                    _ = connection.removeSubscriptions(id)
                    _ = connection.send(WebSocketAPIReply.event(
                        subscriptionId: id, UserStreamNoticeJSON.eventStreamTerminated(time: ServerClock.milliseconds())))
                }))
        }
        guard let id else { throw .subscriptionActive }
        return WebSocketAPISessionJSON.subscribed(id)
    }

    /// `subscriptionId` given: that one (-2036 if there is none such); omitted: all.
    private func unsubscribe(_ id: Int64?) throws(BinanceError) -> [UInt8] {
        let removed = connection.removeSubscriptions(id)
        if id != nil && removed.isEmpty { throw .subscriptionInactive }
        for subscription in removed { api.userStreams.unsubscribe(subscription.hub) }
        return Array("{}".utf8)
    }

    /// What `session.logon`, `session.status` and `session.logout` answer.
    private func status() -> [UInt8] {
        WebSocketAPISessionJSON.status(logon: connection.logon, connectedSince: connection.connectedSince, serverTime: now,
                                       userDataStream: !connection.subscriptions.isEmpty)
    }
}
