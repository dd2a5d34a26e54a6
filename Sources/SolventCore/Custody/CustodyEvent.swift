/// A custody record changed state: a chain deposit, a withdrawal's progress, an account's freeze.
/// Money movements are `LedgerEntry`s as for every other command; these say where a deposit or
/// withdrawal stands, which no ledger entry does (seen, dropped, awaiting approval, broadcast).
public struct CustodyEvent: Hashable, Sendable {
    public enum Kind: UInt8, Sendable {
        case depositSeen, depositCredited, depositDropped
        case withdrawalAwaitingApproval, withdrawalApproved, withdrawalRejected, withdrawalBroadcast
        case accountFrozen, accountUnfrozen
        /// `amount` is the new per-account limit.
        case withdrawalLimitsChanged
        /// An address entered the account's book; `time` is when, `id` 0.
        case withdrawalAddressAdded
        /// A security change locked the account's withdrawals; `amount` is the lock's end time.
        case withdrawalsLocked
        /// `amount` is 1 when allow-list-only was turned on, 0 when off.
        case allowListOnlyChanged
        /// The operator set or cleared the account's jurisdiction.
        case jurisdictionChanged
        /// A ruling entered the history; `id` is the ruling's, `amount` its standing's raw value.
        case rulingRecorded
        /// A ruling went in force; `id` and `amount` as for `rulingRecorded`.
        case rulingInForce
    }

    public var kind: Kind
    public var account: AccountId
    public var asset: AssetId
    public var amount: Amount
    /// The deposit or withdrawal id; 0 for an account's freeze.
    public var id: Int64
    public var time: Timestamp

    public init(kind: Kind, account: AccountId, asset: AssetId, amount: Amount, id: Int64, time: Timestamp) {
        self.kind = kind
        self.account = account
        self.asset = asset
        self.amount = amount
        self.id = id
        self.time = time
    }
}
