/// The small answers: `time` (spec §3.1), a new listen key (spec §3.5) and `/ready`.
public enum GeneralJSON {
    /// `{"serverTime":…}`.
    public static func serverTime(_ time: Int64) -> [UInt8] {
        var writer = JSONWriter(capacity: 32)
        writer.object { $0.field("serverTime", time) }
        return writer.finish()
    }

    /// `{"listenKey":"…"}`.
    public static func listenKey(_ key: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 96)
        writer.object { $0.field("listenKey", key) }
        return writer.finish()
    }

    /// `/ready`: whether the history holds everything the journal does, and both positions.
    public static func readiness(journalSequence: UInt64, historySequence: UInt64) -> [UInt8] {
        var writer = JSONWriter(capacity: 96)
        writer.object { writer in
            writer.field("ready", historySequence >= journalSequence)
            writer.field("journalSequence", Int64(journalSequence))
            writer.field("historySequence", Int64(historySequence))
        }
        return writer.finish()
    }
}
