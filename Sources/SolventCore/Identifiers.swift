/// Dense account number assigned by the core in opening order; account 0 is the fee account.
public typealias AccountId = UInt32
/// Dense asset number assigned in listing order.
public typealias AssetId = UInt16
/// Dense market (symbol) number assigned in listing order.
public typealias MarketId = UInt16
/// Exchange-wide order id, increasing from 1 in acceptance order.
public typealias OrderId = Int64
/// Per-market trade id, increasing from 1.
public typealias TradeId = Int64
/// Exchange-wide withdrawal id, increasing from 1.
public typealias WithdrawalId = Int64
/// Engine time in milliseconds since the Unix epoch, stamped by the sequencer on every command.
public typealias Timestamp = Int64

extension AccountId {
    /// The account every commission is credited to.
    public static let feeAccount: AccountId = 0
}
