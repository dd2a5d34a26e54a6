import SolventCore

/// Messages of the stream server itself rather than of a market.
public enum StreamNoticeJSON {
    /// `{"e":"serverShutdown","E"}`: sent before a planned shutdown (spec §5.1).
    public static func serverShutdown(eventTime: Timestamp) -> [UInt8] {
        var writer = JSONWriter(capacity: 48)
        writer.object { writer in
            writer.field("e", "serverShutdown")
            writer.field("E", eventTime)
        }
        return writer.finish()
    }
}
