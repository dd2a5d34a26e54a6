import SolventCore

/// The user-data events about the stream itself rather than the account (spec §6.1).
public enum UserStreamNoticeJSON {
    /// The listen key expired or was closed: no more events on it (legacy path only).
    public static func listenKeyExpired(_ listenKey: String, time: Timestamp) -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.object { writer in
            writer.field("e", "listenKeyExpired")
            writer.field("E", time)
            writer.field("listenKey", listenKey)
        }
        return writer.finish()
    }

    /// A WebSocket API subscription ended on the server's side (WebSocket API path only).
    public static func eventStreamTerminated(time: Timestamp) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.object { writer in
            writer.field("e", "eventStreamTerminated")
            writer.field("E", time)
        }
        return writer.finish()
    }
}
