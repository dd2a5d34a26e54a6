import SolventCore

/// The `balanceUpdate` user-data event (spec §6.1): money entering or leaving the account's free
/// balance from outside trading (deposits and withdrawals, admin credits here).
public enum BalanceUpdateJSON {
    /// `delta` is signed, in units of `scale`: a deposit is positive, a withdrawal negative.
    public static func render(asset: String, scale: Scale, delta: Amount, time: Timestamp) -> [UInt8] {
        var writer = JSONWriter(capacity: 112)
        writer.beginObject()
        writer.field("e", "balanceUpdate")
        writer.field("E", time)
        writer.field("a", asset)
        writer.decimalField("d", delta, scale: scale)
        writer.field("T", time)
        writer.endObject()
        return writer.finish()
    }

    /// How a ledger entry moves the free balance, which is what clients add `d` to (ccxt's
    /// `watch_balance` does `free += d`): a deposit adds, a withdrawal request takes the amount
    /// out of free (it is held until confirmed), a release gives it back. Confirming only drops
    /// the held amount, which the `outboundAccountPosition` beside it shows; `nil` then.
    public static func freeDelta(of entry: LedgerEntry) -> Amount? {
        switch entry.kind {
        case .deposit: entry.amount
        case .withdrawalRequested: -entry.amount
        case .withdrawalReleased: entry.amount
        case .withdrawalConfirmed: nil
        }
    }
}
