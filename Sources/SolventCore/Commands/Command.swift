/// Everything that can change the exchange. The sequencer stamps each with a time and applies them
/// one at a time; the same commands in the same order always give the same state.
public enum Command: Hashable, Sendable {
    // Listing and administration.
    case listAsset(AssetSpec)
    case listMarket(MarketSpec)
    case setMarketStatus(MarketId, MarketStatus)
    case openAccount(FeeSchedule?)
    case setFees(AccountId, FeeSchedule?)
    case setTradingEnabled(AccountId, Bool)

    // Money in and out.
    case deposit(AccountId, AssetId, Amount)
    /// Moves `amount` from free to locked until the withdrawal is confirmed or released.
    case requestWithdrawal(AccountId, AssetId, Amount)
    /// The funds left the exchange: the hold is debited.
    case confirmWithdrawal(WithdrawalId)
    /// The withdrawal did not happen: the hold returns to free.
    case releaseWithdrawal(WithdrawalId)

    // Trading.
    case placeOrder(NewOrder)
    case cancelOrder(CancelOrder)
    case cancelAllOrders(AccountId, MarketId)
    case cancelReplace(CancelReplace)
    case amendOrder(AmendOrder)

    // Custody (`Custody/`): chain deposits, withdrawals to an address, freezes.
    /// A deposit appeared on the chain: recorded as pending, not yet credited.
    case depositSeen(ChainDeposit)
    /// The deposit has its confirmations: credited, once.
    case creditDeposit(DepositId)
    /// A reorg took the deposit away before it was credited.
    case dropDeposit(DepositId)
    /// How far the deposit watcher has read the asset's chain.
    case setChainCursor(AssetId, ChainCursor)
    /// A user's withdrawal to an address: held in locked, perhaps awaiting approval.
    case requestChainWithdrawal(WithdrawalRequest)
    case approveWithdrawal(WithdrawalId, OperatorAction)
    /// Refused by an operator before broadcast: the hold is released.
    case rejectWithdrawal(WithdrawalId, OperatorAction)
    /// The withdrawal's transaction is on the chain (not yet confirmed).
    case broadcastWithdrawal(WithdrawalId, txid: String)
    case freezeAccount(AccountId, OperatorAction)
    case unfreezeAccount(AccountId, OperatorAction)
    case setWithdrawalLimits(AssetId, WithdrawalLimits, OperatorAction)
    /// A user filed an address in the account's address book: a security change, so the account's
    /// withdrawals lock for `withdrawalLock`; under allow-list-only the address is usable after
    /// `addressDelay`.
    case addWithdrawalAddress(AccountId, WithdrawalAddress, SecurityDelays)
    /// The account's keys changed (a key added or re-enabled): withdrawals lock for `lock` ms.
    case securityChanged(AccountId, lock: Timestamp)
    /// The operator turns allow-list-only withdrawals on or off for the account.
    case setAllowListOnly(AccountId, Bool, OperatorAction)

    // Jurisdictions (`Jurisdiction/`): where an account is, and rulings on assets per place.
    /// The operator sets (or, with nil, clears) the account's jurisdiction; its open orders that
    /// the rulings in force there forbid are cancelled.
    case setAccountJurisdiction(AccountId, Jurisdiction?, OperatorAction)
    /// The operator records a ruling; it governs from its effective time.
    case setAssetRuling(AssetRuling)
    /// Puts in force every recorded ruling whose effective time has come. The sequencer journals
    /// it before the first command at or after such a time (`Exchange.rulingsDue(at:)`).
    case enforceRulings

    // Proof of liabilities.
    /// An epoch's signed header enters the journal, whose Merkle log then fixes it; epoch numbers
    /// only go up, so a second header for an epoch is refused.
    case publishEpoch(EpochPublication)

    // The auditors' access log.
    /// The head of the hash-chained access log enters the journal, whose Merkle log then fixes
    /// it; indexes only go up, so a rewritten log cannot be checkpointed over an older head.
    case recordAccessLogHead(AccessLogHead)
}
