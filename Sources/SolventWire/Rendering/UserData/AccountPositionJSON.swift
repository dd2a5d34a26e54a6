import SolventCore

/// One asset's line of an `outboundAccountPosition`: its name and scale, and the balance after
/// the command.
public struct PositionLine: Sendable, Hashable {
    public var asset: String
    public var scale: Scale
    public var free: Amount
    public var locked: Amount

    public init(asset: String, scale: Scale, free: Amount, locked: Amount) {
        self.asset = asset
        self.scale = scale
        self.free = free
        self.locked = locked
    }
}

/// The `outboundAccountPosition` user-data event (spec §6.1): after a command changed an
/// account's balances, the assets it changed with their new free and locked amounts.
public enum AccountPositionJSON {
    /// `time` is both the event time `E` and the account's last update `u`: the engine time of
    /// the command that changed it.
    public static func render(_ lines: [PositionLine], time: Timestamp) -> [UInt8] {
        precondition(!lines.isEmpty, "an account position lists at least one changed asset")
        var writer = JSONWriter(capacity: 80 + lines.count * 72)
        writer.beginObject()
        writer.field("e", "outboundAccountPosition")
        writer.field("E", time)
        writer.field("u", time)
        writer.key("B")
        writer.beginArray()
        for line in lines {
            writer.beginObject()
            writer.field("a", line.asset)
            writer.decimalField("f", line.free, scale: line.scale)
            writer.decimalField("l", line.locked, scale: line.scale)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.finish()
    }
}
