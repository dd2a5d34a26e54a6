import SolventCore

/// A deposit or withdrawal step as the store returns it. The same fields as the core's
/// `LedgerEntry` (which has no public initializer), plus the sequence of the command that made it.
public struct LedgerRecord: Hashable, Sendable {
    public var sequence: UInt64
    public var kind: LedgerEntry.Kind
    public var account: AccountId
    public var asset: AssetId
    public var amount: Amount
    /// The withdrawal this entry belongs to; 0 for a deposit.
    public var withdrawal: WithdrawalId
    public var time: Timestamp

    public init(sequence: UInt64, kind: LedgerEntry.Kind, account: AccountId, asset: AssetId, amount: Amount,
                withdrawal: WithdrawalId, time: Timestamp) {
        self.sequence = sequence
        self.kind = kind
        self.account = account
        self.asset = asset
        self.amount = amount
        self.withdrawal = withdrawal
        self.time = time
    }

    public init(sequence: UInt64, _ entry: LedgerEntry) {
        self.init(sequence: sequence, kind: entry.kind, account: entry.account, asset: entry.asset,
                  amount: entry.amount, withdrawal: entry.withdrawal, time: entry.time)
    }
}
