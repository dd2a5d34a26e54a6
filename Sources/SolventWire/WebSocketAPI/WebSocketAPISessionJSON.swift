/// The results of the WebSocket API's session methods (spec §6.3).
public enum WebSocketAPISessionJSON {
    /// `userDataStream.subscribe*`: `{"subscriptionId":0}`.
    public static func subscribed(_ id: Int64) -> [UInt8] {
        var writer = JSONWriter(capacity: 32)
        writer.object { $0.field("subscriptionId", id) }
        return writer.finish()
    }

    /// `session.subscriptions`: `[{"subscriptionId":0},…]`.
    public static func subscriptions(_ ids: [Int64]) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.array { writer in
            for id in ids { writer.object { $0.field("subscriptionId", id) } }
        }
        return writer.finish()
    }

    /// What `session.logon`, `session.status` and `session.logout` answer; `logon` is the key the
    /// session is logged on with and since when, if it is.
    public static func status(logon: (keyId: String, since: Int64)?, connectedSince: Int64, serverTime: Int64,
                              userDataStream: Bool) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.object { writer in
            writer.key("apiKey")
            if let logon { writer.string(logon.keyId) } else { writer.null() }
            writer.key("authorizedSince")
            if let logon { writer.int(logon.since) } else { writer.null() }
            writer.field("connectedSince", connectedSince)
            writer.field("returnRateLimits", true)
            writer.field("serverTime", serverTime)
            writer.field("userDataStream", userDataStream)
        }
        return writer.finish()
    }
}
